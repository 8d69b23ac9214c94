/**
 * The throw-away NATS namespace and Postgres database of one run, and their
 * removal. Unique names let the bench share NATS and Postgres with tests that
 * run at the same time.
 */
import { randomBytes } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import pg from 'pg';
import { bucketNames, streamNames } from '#contracts';

export const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
/** A database the bench may connect to in order to create and drop its own. */
export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function uniqueNamespace(prefix: string): string {
  return `${prefix}${randomBytes(3).toString('hex')}`;
}

export function databaseUrl(database: string): string {
  return PG_ADMIN_URL.replace(/\/[^/]*$/, `/${database}`);
}

/** The stream of the bare path (bench/bare), beside the services' own. */
export const bareStreamName = (namespace: string) => `${namespace.toUpperCase()}_BARE`;

/** Every stream a namespace can own: the services' two, the ingest KV buckets, and the bare one. */
export function streamsOf(namespace: string): string[] {
  const buckets = Object.values(bucketNames(namespace)).map((bucket) => `KV_${bucket}`);
  return [...Object.values(streamNames(namespace)), ...buckets, bareStreamName(namespace)];
}

export async function deleteStreams(nc: NatsConnection, namespace: string): Promise<void> {
  const jsm = await jetstreamManager(nc);
  for (const name of streamsOf(namespace)) await jsm.streams.delete(name).catch(() => undefined);
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

export const dropDatabase = (database: string) => adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
