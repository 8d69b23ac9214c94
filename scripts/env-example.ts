/**
 * Writes .env.example from the services' configuration schemas and the
 * variables docker-compose.yml interpolates; `--check` only compares and
 * exits 1 when the file is stale (for CI).
 *   node dist/scripts/env-example.js [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deliveryConfigSchema } from '../apps/delivery/src/config.js';
import { enrichmentConfigSchema } from '../apps/enrichment/src/config.js';
import { ingestConfigSchema } from '../apps/ingest/src/config.js';
import { publishingConfigSchema } from '../apps/publishing/src/config.js';
import { renderEnvExample, type ComposeVariable, type ServiceSchema } from '../libs/runtime/src/env-example.js';

export const SERVICE_SCHEMAS: ServiceSchema[] = [
  { service: 'ingest', schema: ingestConfigSchema },
  { service: 'enrichment', schema: enrichmentConfigSchema },
  { service: 'publishing', schema: publishingConfigSchema },
  { service: 'delivery', schema: deliveryConfigSchema },
];

/** Every `${NAME}`, `${NAME:-default}` or `${NAME-default}` in a compose file, first occurrence wins. */
export function composeVariables(composeText: string): ComposeVariable[] {
  const found = new Map<string, string>();
  for (const match of composeText.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}/g)) {
    if (!found.has(match[1]!)) found.set(match[1]!, match[2] ?? '');
  }
  return [...found].map(([name, value]) => ({ name, default: value }));
}

export function envExample(root: string): string {
  return renderEnvExample(SERVICE_SCHEMAS, composeVariables(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8')));
}

function main(): void {
  const root = path.resolve(import.meta.dirname, process.argv[1]!.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');
  const target = path.join(root, '.env.example');
  const text = envExample(root);
  if (process.argv.includes('--check')) {
    const current = readFileSync(target, 'utf8');
    if (current !== text) {
      process.stderr.write('.env.example is stale: run `node dist/scripts/env-example.js` and commit it\n');
      process.exit(1);
    }
    return;
  }
  writeFileSync(target, text);
  process.stdout.write(`wrote ${target}\n`);
}

if (process.argv[1]?.endsWith(`env-example.js`)) main();
