import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeVariables, envExample } from '../../../scripts/env-example.js';
import { setting } from './config.js';
import { renderEnvExample, type ServiceSchema } from './env-example.js';

const root = path.resolve(import.meta.dirname, '../../..');

describe('.env.example', () => {
  it('is what the configuration schemas and docker-compose.yml produce (regenerate: node dist/scripts/env-example.js)', () => {
    expect(readFileSync(path.join(root, '.env.example'), 'utf8')).toBe(envExample(root));
  });

  it('lists every setting of every service schema and every compose variable, each with its default', () => {
    const text = readFileSync(path.join(root, '.env.example'), 'utf8');
    for (const name of [
      'NATS_URL',
      'LOG_LEVEL',
      'OTEL_EXPORTER_OTLP_ENDPOINT',
      'CONSUMER_CONCURRENCY',
      'DATABASE_URL',
      'MAX_BODY_BYTES',
      'NATS_INGEST_PASSWORD',
      'POSTGRES_PASSWORD',
    ]) {
      expect(text).toMatch(new RegExp(`^(# )?${name}=`, 'm'));
    }
  });
});

describe('renderEnvExample', () => {
  const services: ServiceSchema[] = [
    {
      service: 'a',
      schema: { PORT: setting.int('port', 1, 0, 9), SHARED: setting.string('shared', 'x'), ONLY_B: setting.string('b only', ''), KEYS: setting.string('keys') },
    },
    { service: 'b', schema: { PORT: setting.int('port', 2, 0, 9), SHARED: setting.string('shared', 'x'), ONLY_B: setting.string('b only', '') } },
    { service: 'c', schema: { PORT: setting.int('port', 3, 0, 9), SHARED: setting.string('shared', 'x') } },
  ];

  it('writes shared settings once, groups the rest by service and comments out per-service defaults', () => {
    const text = renderEnvExample(services, [
      { name: 'SECRET_PASSWORD', default: 'change-me' },
      { name: 'SHARED', default: 'x' },
    ]);
    expect(text).toContain('# ---- docker-compose.yml only (set every *_PASSWORD before exposing the stack) ----\nSECRET_PASSWORD=change-me\n');
    expect(text).toContain('# ---- all services ----\n# shared\nSHARED=x\n');
    expect(text).toContain('# ---- a, b ----\n# b only\nONLY_B=\n');
    expect(text).toContain('# port\n# PORT=1    (a)\n# PORT=2    (b)\n# PORT=3    (c)\n');
    expect(text.match(/^SHARED=/gm)).toHaveLength(1);
    expect(text).toContain('# ---- a ----\n# keys (required)\nKEYS=\n');
  });
});

describe('composeVariables', () => {
  it('finds ${NAME}, ${NAME:-default} and ${NAME-default}, first one wins', () => {
    expect(composeVariables('a: ${A:-1}\nb: ${B}\nc: x${C-two}y\nd: ${A:-9}')).toEqual([
      { name: 'A', default: '1' },
      { name: 'B', default: '' },
      { name: 'C', default: 'two' },
    ]);
  });
});
