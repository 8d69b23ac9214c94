import { beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { ServiceName } from '#contracts';
import { assertBuilt } from './harness/services.js';

const root = path.resolve(import.meta.dirname, '..');
const VALID_KEYS = 'ops:config-test-key-0123456789:admin';

/** The built service started with `env` only (no inherited settings), as an operator would start it. */
function start(name: ServiceName, env: Record<string, string>) {
  const run = spawnSync(process.execPath, [path.join(root, `dist/apps/${name}/src/main.js`)], {
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout, lines: run.stderr.split('\n').filter(Boolean) };
}

describe('a service refuses bad configuration in one line and exit code 1', () => {
  beforeAll(assertBuilt);

  const cases: Array<{ service: ServiceName; env: Record<string, string>; line: string }> = [
    {
      service: 'ingest',
      env: { DEPECHE_API_KEYS: VALID_KEYS, MAX_BODY_BYTES: 'lots' },
      line: 'ingest failed to start: invalid configuration: MAX_BODY_BYTES="lots" is invalid: expected an integer from 1024 to 536870912',
    },
    {
      service: 'ingest',
      env: {},
      line: "ingest failed to start: invalid configuration: DEPECHE_API_KEYS is required: API keys of the ingest API: name:secret:scope+scope[:newsroom], comma-separated (scopes: submit, wire, correct, kill, admin; a submit key changes only its newsroom's stories, the key name when no newsroom is given)",
    },
    {
      service: 'enrichment',
      env: { CONSUMER_CONCURRENCY: '0' },
      line: 'enrichment failed to start: invalid configuration: CONSUMER_CONCURRENCY="0" is invalid: expected an integer from 1 to 1024',
    },
    {
      service: 'publishing',
      env: { DATABASE_URL: 'mysql://db/depeche' },
      line: 'publishing failed to start: invalid configuration: DATABASE_URL="mysql://db/depeche" is invalid: expected a postgres or postgresql URL',
    },
  ];

  it.each(cases)(
    '$service with $env',
    ({ service, env, line }) => {
      const run = start(service, env);
      expect(run).toEqual({ code: 1, stdout: '', lines: [line] });
    },
    60_000,
  );
});
