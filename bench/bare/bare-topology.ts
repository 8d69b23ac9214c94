/**
 * Starts the bare infrastructure (three plain Node processes, see bare-*.ts)
 * on its own stream, consumers and database, and tears it all down again.
 * The stream and consumers are provisioned here so the processes stay minimal.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { AckPolicy, DeliverPolicy, jetstreamManager, StorageType } from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/transport-node';
import pg from 'pg';
import { subjectsFor, type ServiceName } from '#contracts';
import { freePort } from '../../test/harness/services.js';
import { NATS_URL, adminQuery, databaseUrl, deleteStreams, dropDatabase, uniqueNamespace } from '../../test/harness/namespace.js';

/** The stream of the bare path, beside the services' own. */
export const bareStreamName = (namespace: string) => `${namespace.toUpperCase()}_BARE`;
import type { Member, Topology } from '../topology.js';
import { BARE_READY_LINE } from './bare-config.js';

const SCRIPTS: Record<ServiceName, string> = { ingest: 'bare-ingest.js', enrichment: 'bare-relay.js', publishing: 'bare-writer.js' };

async function provision(nc: NatsConnection, namespace: string, stream: string, database: string): Promise<void> {
  const subjects = subjectsFor(namespace);
  const jsm = await jetstreamManager(nc);
  await jsm.streams.add({
    name: stream,
    subjects: [subjects.ingested, subjects.enriched, subjects.lifecycle.published],
    storage: StorageType.File,
    duplicate_window: nanos(120_000),
  });
  for (const [durable, filter] of [
    ['bare-relay', subjects.ingested],
    ['bare-writer', subjects.enriched],
  ] as const) {
    await jsm.consumers.add(stream, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: filter,
      ack_wait: nanos(60_000),
      max_ack_pending: 1000,
    });
  }
  await adminQuery(`CREATE DATABASE "${database}"`);
  const db = new pg.Client({ connectionString: databaseUrl(database) });
  await db.connect();
  await db.query('CREATE TABLE bare_articles (id uuid PRIMARY KEY, body jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())');
  await db.end();
}

interface Spawned {
  child: ChildProcess;
  ready: Promise<void>;
}

function spawnBare(role: ServiceName, env: NodeJS.ProcessEnv): Spawned {
  const child = spawn(process.execPath, [path.join(import.meta.dirname, SCRIPTS[role])], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line === BARE_READY_LINE) resolve();
    });
    child.once('exit', (code) => reject(new Error(`bare ${role} exited with ${code}`)));
  });
  return { child, ready };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

export async function startBare(nc: NatsConnection): Promise<Topology> {
  const namespace = uniqueNamespace('benchbare', 3);
  const stream = bareStreamName(namespace);
  const database = `depeche_${namespace}`;
  await provision(nc, namespace, stream, database);
  const port = await freePort();
  const common = { NATS_URL, NATS_NAMESPACE: namespace, BARE_STREAM: stream, DATABASE_URL: databaseUrl(database), PORT: String(port) };
  const startedAt = Date.now();
  const roles: [ServiceName, string][] = [
    ['ingest', ''],
    ['enrichment', 'bare-relay'],
    ['publishing', 'bare-writer'],
  ];
  const spawned = roles.map(([role, durable]) => spawnBare(role, { ...common, BARE_DURABLE: durable }));
  const children = spawned.map((s) => s.child);
  const stop = async () => {
    await Promise.all(children.map(stopChild));
    await deleteStreams(nc, namespace, [stream]);
    await dropDatabase(database);
  };
  const readyMsEach: Partial<Record<ServiceName, number>> = {};
  const ready = spawned.map((s, i) => s.ready.then(() => void (readyMsEach[roles[i]![0]] = Date.now() - startedAt)));
  await Promise.all(ready).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  const members: Member[] = children.map((child, i) => ({ role: roles[i]![0], pid: child.pid! }));
  return {
    kind: 'bare',
    namespace,
    articlesUrl: `http://127.0.0.1:${port}/v1/articles`,
    headers: {},
    members,
    eventsStream: stream,
    readyMs: Date.now() - startedAt,
    readyMsEach,
    stop,
  };
}
