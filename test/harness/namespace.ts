import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { bucketNames, streamNames } from '#contracts';

// The throw-away NATS namespace and Postgres database of a test file or a benchmark run, and
// their removal. Unique names let test files, suites and the benchmark share one NATS and one
// Postgres at the same time. TEST_PG_URL names a database the harness may connect to in order to
// create and drop its own (tests and benchmark alike).

export const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function uniqueNamespace(prefix: string, bytes = 5): string {
  return `${prefix}${randomBytes(bytes).toString('hex')}`;
}

/** The URL of `database` on the harness's Postgres (publishing creates it at start). */
export function databaseUrl(database: string): string {
  return PG_ADMIN_URL.replace(/\/[^/]*$/, `/${database}`);
}

export async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

export const dropDatabase = (database: string): Promise<void> => adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);

/** A namespace's database, as the services name it, and a way to drop it. */
export function testDatabase(namespace: string): { url: string; drop(): Promise<void> } {
  const name = `depeche_${namespace}`;
  return { url: databaseUrl(name), drop: () => dropDatabase(name) };
}

/** Every stream a namespace owns (the services' streams and the streams behind its KV buckets), and any `extra`. */
export function streamsOf(namespace: string, extra: readonly string[] = []): string[] {
  const buckets = Object.values(bucketNames(namespace)).map((bucket) => `KV_${bucket}`);
  return [...Object.values(streamNames(namespace)), ...buckets, ...extra];
}

export async function deleteStreams(nc: NatsConnection, namespace: string, extra: readonly string[] = []): Promise<void> {
  const jsm = await jetstreamManager(nc);
  for (const name of streamsOf(namespace, extra)) await jsm.streams.delete(name).catch(() => undefined);
}

/**
 * A namespace of its own for one test file: subjects, streams, KV buckets and
 * database are unique per run, so files run in parallel and twice in a row.
 */
export interface TestNamespace {
  namespace: string;
  databaseUrl: string;
  nc: NatsConnection;
  dispose(): Promise<void>;
}

export async function createTestNamespace(): Promise<TestNamespace> {
  const namespace = uniqueNamespace('t');
  const database = testDatabase(namespace);
  const nc = await connect({ servers: NATS_URL, name: `test-${namespace}` });
  return {
    namespace,
    databaseUrl: database.url,
    nc,
    async dispose() {
      await deleteStreams(nc, namespace);
      await nc.close();
      await database.drop();
    },
  };
}
