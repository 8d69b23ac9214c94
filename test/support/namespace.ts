import { jetstreamManager } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { bucketNames, streamNames } from '#contracts';

export const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A namespace of its own for one test file: subjects, streams, KV bucket and
 * database are unique per run, so files run in parallel and twice in a row.
 */
export interface TestNamespace {
  namespace: string;
  databaseUrl: string;
  nc: NatsConnection;
  dispose(): Promise<void>;
}

export async function createTestNamespace(): Promise<TestNamespace> {
  const namespace = `t${randomBytes(5).toString('hex')}`;
  const databaseUrl = PG_ADMIN_URL.replace(/\/[^/]*$/, `/depeche_${namespace}`);
  const nc = await connect({ servers: NATS_URL, name: `test-${namespace}` });
  return {
    namespace,
    databaseUrl,
    nc,
    async dispose() {
      await removeStreams(nc, namespace);
      await nc.close();
      await dropDatabase(`depeche_${namespace}`);
    },
  };
}

async function removeStreams(nc: NatsConnection, namespace: string): Promise<void> {
  const jsm = await jetstreamManager(nc);
  const names = streamNames(namespace);
  for (const name of Object.values(names)) await jsm.streams.delete(name).catch(() => undefined);
  const kvm = new Kvm(nc);
  for (const bucket of Object.values(bucketNames(namespace))) {
    await kvm
      .open(bucket)
      .then((kv) => kv.destroy())
      .catch(() => undefined);
  }
}

export async function dropDatabase(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
