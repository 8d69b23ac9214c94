import { describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { enrichmentConfigSchema } from '../apps/enrichment/src/config.js';
import { ingestConfigSchema } from '../apps/ingest/src/config.js';
import { publishingConfigSchema } from '../apps/publishing/src/config.js';
import { deliveryConfigSchema } from '../apps/delivery/src/config.js';
import { loadConfig, type Setting } from '#runtime';
import { SERVICES } from '#contracts';
import { SERVICE_NODE_OPTIONS } from './harness/services.js';
import { natsConfigForLocalServer } from './harness/nats-config.js';

/**
 * docker-compose.yml cannot be started here (no Docker engine), so it is
 * checked against the code instead: its services, environment, ports and
 * health checks must agree with the services' configuration schemas, and its
 * NATS users with ops/nats/nats-server.conf.
 */
const root = path.resolve(import.meta.dirname, '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

interface ComposeService {
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  healthcheck?: { test?: string[]; disable?: boolean };
  restart?: string;
  stop_grace_period?: string;
  deploy?: { resources?: { limits?: { cpus?: string; memory?: string } } };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  profiles?: string[];
}

const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, ComposeService>; volumes: Record<string, unknown> };
const schemas: Record<string, Record<string, Setting<unknown>>> = {
  ingest: ingestConfigSchema,
  enrichment: enrichmentConfigSchema,
  publishing: publishingConfigSchema,
  delivery: deliveryConfigSchema,
  migrate: publishingConfigSchema, // dist/apps/publishing/src/migrate.js reads the publishing configuration
};

/** The value compose passes when .env sets nothing: `${NAME:-default}` becomes default. */
const withDefaults = (value: string) => String(value).replace(/\$\{[A-Za-z0-9_]+(?::?-([^}]*))?\}/g, (_m, fallback: string | undefined) => fallback ?? '');
const service = (name: string) => compose.services[name]!;

/** The configuration file as the local nats-server can check it (a copy when a line had to go). */
function configForLocalServer(natsServer: string, conf: string): string {
  const text = readFileSync(conf, 'utf8');
  const local = natsConfigForLocalServer(natsServer, text);
  if (local === text) return conf;
  const copy = path.join(mkdtempSync(path.join(tmpdir(), 'depeche-nats-conf-')), path.basename(conf));
  writeFileSync(copy, local);
  return copy;
}

/**
 * The Compose Specification's JSON schema (a pinned copy in fixtures/compose-spec, Apache-2.0), so no
 * compose binary is needed: the errors ajv finds in one file, as "path: message".
 */
// Its $schema names draft-07 by an https address ajv does not know, hence validateSchema: false.
const validateCompose = new Ajv({ allErrors: true, strict: false, validateSchema: false }).compile(
  JSON.parse(read('fixtures/compose-spec/compose-spec.json')) as object,
);
function composeSchemaErrors(file: string): string[] {
  if (validateCompose(parse(read(file), { merge: true }))) return [];
  return (validateCompose.errors ?? []).map((error) => `${file}${error.instancePath}: ${error.message}`);
}

describe('docker-compose.yml', () => {
  it('is valid for the Compose Specification, and so is the development override, which only amends its services', () => {
    expect(composeSchemaErrors('docker-compose.yml')).toEqual([]);
    expect(composeSchemaErrors('docker-compose.dev.yml')).toEqual([]);
    expect(validateCompose({ services: { web: { imgae: 'nginx', ports: [{}] } } })).toBe(false); // what a typo gives
    const override = parse(read('docker-compose.dev.yml'), { merge: true }) as { services?: Record<string, unknown> };
    expect(Object.keys(override.services ?? {}).filter((name) => !(name in compose.services))).toEqual([]);
  });

  it.each(Object.keys(schemas))('%s: sets only variables its configuration schema knows, with values it accepts', (name) => {
    const environment = service(name).environment ?? {};
    const schema = schemas[name]!;
    expect(Object.keys(environment).filter((key) => !(key in schema))).toEqual([]);
    const resolved = Object.fromEntries(Object.entries(environment).map(([key, value]) => [key, withDefaults(value)]));
    expect(() => loadConfig(schema, resolved)).not.toThrow();
  });

  it('passes a setting through from .env with the same default as the schema', () => {
    for (const name of SERVICES) {
      for (const [key, value] of Object.entries(service(name).environment ?? {})) {
        const passThrough = /^\$\{([A-Z0-9_]+):-([^}]*)\}$/.exec(value);
        const schemaDefault = schemas[name]![key]!.default;
        if (passThrough?.[1] !== key || schemaDefault === undefined) continue; // secrets and required settings have none
        expect({ name, key, value: passThrough[2] }).toEqual({ name, key, value: String(schemaDefault) });
      }
    }
  });

  it.each(SERVICES)('%s: listens where its PORT says, is published there, and is health-checked on /health/ready', (name) => {
    const { environment = {}, ports = [], healthcheck } = service(name);
    expect(Number(environment.PORT)).toBe(schemas[name]!.PORT!.default);
    for (const mapping of ports) expect(mapping.split(':').at(-1)).toBe(environment.PORT);
    const probe = (healthcheck?.test ?? []).join(' ');
    expect(probe).toContain('/health/ready');
    expect(probe).toContain('process.env.PORT');
    expect(service(name).command).toEqual(['node', `dist/apps/${name}/src/main.js`]);
  });

  it.each(SERVICES)('%s: restarts, stops gracefully, has resource limits and waits for its dependencies', (name) => {
    const { restart, stop_grace_period, deploy, depends_on = {} } = service(name);
    expect(restart).toBe('unless-stopped');
    expect(stop_grace_period).toMatch(/^\d+s$/);
    expect(deploy?.resources?.limits).toEqual({ cpus: expect.any(String), memory: expect.any(String) });
    expect(depends_on.nats).toEqual({ condition: 'service_healthy' });
  });

  it('runs the services with the Node options the benchmark and npm start use', () => {
    // The image sets them for every service; the bench and `npm start` must measure and run the same thing.
    expect(/^ENV NODE_OPTIONS="([^"]+)"$/m.exec(read('Dockerfile'))?.[1]).toBe(SERVICE_NODE_OPTIONS);
    expect(read('scripts/start.mjs')).toContain(`NODE_OPTIONS: '${SERVICE_NODE_OPTIONS}'`);
    for (const name of SERVICES) expect(service(name).environment?.NODE_OPTIONS).toBeUndefined();
  });

  it('migrates once before publishing starts', () => {
    const migrate = service('migrate');
    expect(migrate.command).toEqual(['node', 'dist/apps/publishing/src/migrate.js']);
    expect(migrate.restart).toBe('no');
    expect(migrate.depends_on?.postgres).toEqual({ condition: 'service_healthy' });
    expect(service('publishing').depends_on?.migrate).toEqual({ condition: 'service_completed_successfully' });
    expect(migrate.environment?.DATABASE_URL).toBe(service('publishing').environment?.DATABASE_URL);
  });

  it('keeps NATS and Postgres data on volumes, both health-checked', () => {
    expect(service('nats').volumes).toEqual(expect.arrayContaining(['./ops/nats/nats-server.conf:/etc/nats/nats-server.conf:ro', 'nats-data:/data']));
    expect(service('nats').healthcheck?.test?.join(' ')).toContain('healthz');
    expect(read('ops/nats/nats-server.conf')).toMatch(/store_dir: "\/data"/);
    // A single node fsyncs every write: nothing else holds a copy (docs/cluster.md).
    expect(read('ops/nats/nats-server.conf')).toMatch(/^\s*sync_interval: always$/m);
    expect(service('postgres').volumes).toEqual(['postgres-data:/var/lib/postgresql/data']);
    expect(service('postgres').healthcheck?.test?.join(' ')).toContain('pg_isready');
    expect(Object.keys(compose.volumes)).toEqual(expect.arrayContaining(['nats-data', 'postgres-data']));
  });

  it('gives each service its own NATS user, whose password NATS and the service read from the same variable', () => {
    const conf = read('ops/nats/nats-server.conf');
    for (const name of SERVICES) {
      const { NATS_USER, NATS_PASSWORD } = service(name).environment ?? {};
      const variable = `NATS_${name.toUpperCase()}_PASSWORD`;
      expect(NATS_USER).toBe(name);
      expect(NATS_PASSWORD).toMatch(new RegExp(`^\\$\\{${variable}:-`));
      expect(conf).toMatch(new RegExp(`user: ${name}\\s+password: \\$${variable}\\n`));
      expect(service('nats').environment?.[variable]).toBe(NATS_PASSWORD);
    }
  });

  it('hands nats-server a configuration it accepts, and one it refuses without the passwords', () => {
    const natsServer = ['/usr/sbin/nats-server', '/usr/bin/nats-server'].find(existsSync) ?? 'nats-server';
    const conf = configForLocalServer(natsServer, path.join(root, 'ops/nats/nats-server.conf'));
    const env = Object.fromEntries(Object.entries(service('nats').environment ?? {}).map(([key, value]) => [key, withDefaults(value)]));
    expect(() => execFileSync(natsServer, ['-c', conf, '-t'], { env: { PATH: process.env.PATH, ...env }, stdio: 'pipe' })).not.toThrow();
    expect(spawnSync(natsServer, ['-c', conf, '-t'], { env: { PATH: process.env.PATH }, encoding: 'utf8' }).status).not.toBe(0);
  });

  it('lets Prometheus scrape each service on its port', () => {
    const prometheus = parse(read('ops/prometheus/prometheus.yml')) as {
      scrape_configs: Array<{ metrics_path: string; static_configs: Array<{ targets: string[] }> }>;
    };
    const targets = prometheus.scrape_configs.flatMap((c) => c.static_configs.flatMap((s) => s.targets));
    expect(targets.sort()).toEqual(SERVICES.map((name) => `${name}:${service(name).environment?.PORT}`).sort());
    expect(prometheus.scrape_configs[0]!.metrics_path).toBe('/metrics');
  });
});

describe('docker-compose.cluster.yml', () => {
  const cluster = parse(read('docker-compose.cluster.yml'), { merge: true }) as { services: Record<string, ComposeService> };
  const named = (prefix: string) => Object.keys(cluster.services).filter((name) => new RegExp(`^${prefix}-\\d$`).test(name));

  it('is valid for the Compose Specification', () => {
    expect(composeSchemaErrors('docker-compose.cluster.yml')).toEqual([]);
  });

  it('runs three NATS nodes routed to each other, each with its own store, and every service with STREAM_REPLICAS=3 on all three', () => {
    expect(named('nats')).toEqual(['nats-1', 'nats-2', 'nats-3']);
    const conf = read('ops/nats/cluster.conf');
    for (const node of named('nats')) {
      expect(cluster.services[node]!.command).toEqual(['-c', '/etc/nats/cluster.conf']);
      expect(cluster.services[node]!.volumes).toContain(`${node}-data:/data`);
      expect(conf).toContain(`nats-route://${node}:6222`);
    }
    expect(conf).toContain('include "nats-server.conf"');
    for (const name of [...named('ingest'), ...named('enrichment'), ...named('publishing')]) {
      const environment = cluster.services[name]!.environment!;
      expect({ name, replicas: environment.STREAM_REPLICAS, urls: environment.NATS_URL?.split(',') }).toEqual({
        name,
        replicas: '3',
        urls: ['nats://nats-1:4222', 'nats://nats-2:4222', 'nats://nats-3:4222'],
      });
      const service = name.replace(/-\d$/, '');
      expect(environment.NATS_USER).toBe(service);
      expect(() => loadConfig(schemas[service]!, Object.fromEntries(Object.entries(environment).map(([k, v]) => [k, withDefaults(v)])))).not.toThrow();
    }
  });

  it('runs two instances of each service, ingest behind the load balancer, and a streaming replica of Postgres', () => {
    expect([named('ingest'), named('enrichment'), named('publishing')].map((n) => n.length)).toEqual([2, 2, 2]);
    const haproxy = read('ops/haproxy/haproxy.cfg');
    for (const name of named('ingest')) expect(haproxy).toContain(`server ${name} ${name}:3000 check`);
    expect(haproxy).toContain('GET /health/ready');
    expect(cluster.services['ingest-lb']!.ports).toEqual(['3000:3000']);
    expect(cluster.services['postgres-replica']!.command!.join(' ')).toContain('pg_basebackup -h postgres');
    expect(cluster.services['postgres-replica']!.depends_on?.postgres).toEqual({ condition: 'service_healthy' });
  });
});
