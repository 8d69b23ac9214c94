import type { Setting } from './config.js';

export interface ServiceSchema {
  service: string;
  schema: Record<string, Setting<unknown>>;
}

/** A `${NAME:-default}` that docker-compose.yml reads from .env. */
export interface ComposeVariable {
  name: string;
  default: string;
}

interface Usage {
  name: string;
  describe: string;
  /** Per service; undefined: required, no default. */
  defaults: Map<string, string | undefined>;
}

const HEADER = `# Every setting of Dépêche, with its default. Generated from the services'
# configuration schemas (apps/*/src/config.ts) and docker-compose.yml by
# scripts/env-example.ts: change those, then regenerate; do not edit by hand.
#
# docker compose reads .env (cp .env.example .env) for the \${...} in docker-compose.yml.
# A service started by hand (npm start, node dist/...) reads the same names from its environment.`;

/** The text of .env.example: compose variables first, then each service setting once. */
export function renderEnvExample(services: ServiceSchema[], compose: ComposeVariable[]): string {
  const usages = usagesOf(services);
  const sections = [HEADER, composeSection(compose.filter((v) => !usages.has(v.name)))];
  for (const [title, group] of groupByServices(usages, services.length)) sections.push(section(title, group.map(renderShared)));
  const differing = [...usages.values()].filter(hasPerServiceDefaults);
  if (differing.length) sections.push(section('set per service (defaults differ)', differing.map(renderPerService)));
  return `${sections.join('\n\n')}\n`;
}

function usagesOf(services: ServiceSchema[]): Map<string, Usage> {
  const usages = new Map<string, Usage>();
  for (const { service, schema } of services) {
    for (const [name, setting] of Object.entries(schema)) {
      const usage = usages.get(name) ?? { name, describe: setting.describe, defaults: new Map<string, string | undefined>() };
      usage.defaults.set(service, setting.default === undefined ? undefined : String(setting.default));
      usages.set(name, usage);
    }
  }
  return usages;
}

function hasPerServiceDefaults(usage: Usage): boolean {
  return new Set(usage.defaults.values()).size > 1;
}

/** Settings with one default, grouped by the services that read them: all first, then fewer. */
function groupByServices(usages: Map<string, Usage>, serviceCount: number): Array<[string, Usage[]]> {
  const groups = new Map<string, Usage[]>();
  for (const usage of usages.values()) {
    if (hasPerServiceDefaults(usage)) continue;
    const key = usage.defaults.size === serviceCount ? 'all services' : [...usage.defaults.keys()].join(', ');
    groups.set(key, [...(groups.get(key) ?? []), usage]);
  }
  return [...groups.entries()].sort(([a, x], [b, y]) =>
    a === 'all services' ? -1 : b === 'all services' ? 1 : y[0]!.defaults.size - x[0]!.defaults.size || a.localeCompare(b),
  );
}

function composeSection(variables: ComposeVariable[]): string {
  return section(
    'docker-compose.yml only (set every *_PASSWORD before exposing the stack)',
    variables.map((v) => `${v.name}=${v.default}`),
  );
}

function section(title: string, entries: string[]): string {
  return [`# ---- ${title} ----`, ...entries].join('\n');
}

function renderShared(usage: Usage): string {
  const value = [...usage.defaults.values()][0];
  return `# ${usage.describe}${value === undefined ? ' (required)' : ''}\n${usage.name}=${value ?? ''}`;
}

function renderPerService(usage: Usage): string {
  const lines = [...usage.defaults].map(([service, value]) => `# ${usage.name}=${value ?? '(required)'}    (${service})`);
  return [`# ${usage.describe}`, ...lines].join('\n');
}
