// `npm start`: build if needed, check NATS and Postgres, then run the three services with prefixed logs.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import concurrently from 'concurrently';

const root = path.resolve(import.meta.dirname, '..');
execFileSync(process.execPath, [path.join(root, 'scripts/ensure-build.mjs')], { stdio: 'inherit' });
try {
  execFileSync(process.execPath, [path.join(root, 'scripts/check-services.mjs')], { stdio: 'inherit' });
} catch {
  process.exit(1);
}

// The ingest API needs keys; for a local run without any, make one with every scope and say so.
if (!process.env.DEPECHE_API_KEYS) {
  const secret = randomBytes(18).toString('base64url');
  process.env.DEPECHE_API_KEYS = `dev:${secret}:admin`;
  console.log(`No DEPECHE_API_KEYS set: this run accepts the development key below (all scopes).\n  export DEPECHE_API_KEY=${secret}\n`);
}

// As the image runs them (Dockerfile): a heap cap that keeps each service near 200 MB resident under load.
const env = { NODE_OPTIONS: '--max-old-space-size=384 --max-semi-space-size=16', ...process.env };
const service = (name, color) => ({ name, prefixColor: color, command: `node dist/apps/${name}/src/main.js`, cwd: root, env });
const { result } = concurrently([service('publishing', 'magenta'), service('enrichment', 'cyan'), service('ingest', 'green')], {
  killOthersOn: ['failure'],
  prefix: '{name}',
  padPrefix: true,
});
result.then(
  () => process.exit(0),
  () => process.exit(1),
);
