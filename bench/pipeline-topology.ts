/**
 * Starts the three services from the production build (via the test harness), all
 * at once so readyMs is the time until the whole pipeline can take articles,
 * and can add enrichment instances on the same durable consumer.
 */
import { randomBytes } from 'node:crypto';
import type { NatsConnection } from '@nats-io/transport-node';
import { SERVICES, streamNames, type ServiceName } from '#contracts';
import { freePort, startService, stopService, type RunningService } from '../test/harness/services.js';
import { NATS_URL, databaseUrl, deleteStreams, dropDatabase, uniqueNamespace } from '../test/harness/namespace.js';
import type { Topology } from './topology.js';

export interface PipelineTopology extends Topology {
  /** The services' environment (namespace, database, NATS): for a process started beside them. */
  env: NodeJS.ProcessEnv;
  /** Starts one more enrichment process; JetStream splits the work between instances of the durable. */
  addEnrichment(): Promise<void>;
}

function serviceEnv(namespace: string, database: string, secret: string): NodeJS.ProcessEnv {
  return {
    NATS_URL,
    NATS_NAMESPACE: namespace,
    DATABASE_URL: databaseUrl(database),
    LOG_LEVEL: 'warn',
    DEPECHE_API_KEYS: `bench:${secret}:submit`,
    // The bench is one client sending thousands a minute: the limit (at most 10^6, the config's cap) must not be what is measured.
    RATE_LIMIT_PER_MINUTE: '1000000',
  };
}

async function start(name: ServiceName, env: NodeJS.ProcessEnv, execArgv: string[]): Promise<RunningService> {
  return startService(name, await freePort(), env, { output: 'capture', execArgv });
}

/** All three at once; if one fails, the others are stopped rather than left running. */
async function startAll(env: NodeJS.ProcessEnv, execArgv: string[]): Promise<RunningService[]> {
  const settled = await Promise.allSettled(SERVICES.map((name) => start(name, env, execArgv)));
  const failure = settled.find((s) => s.status === 'rejected');
  if (!failure) return settled.map((s) => (s as PromiseFulfilledResult<RunningService>).value);
  await Promise.all(settled.map((s) => (s.status === 'fulfilled' ? stopService(s.value) : undefined)));
  throw failure.reason;
}

/** `execArgv`: Node options for every service, e.g. --cpu-prof to profile them. */
export async function startPipeline(nc: NatsConnection, execArgv: string[] = []): Promise<PipelineTopology> {
  const namespace = uniqueNamespace('benchpipe', 3);
  const database = `depeche_${namespace}`;
  const secret = randomBytes(16).toString('hex');
  const env = serviceEnv(namespace, database, secret);
  const cleanUp = async () => {
    await deleteStreams(nc, namespace);
    await dropDatabase(database);
  };
  const startedAt = Date.now();
  const services = await startAll(env, execArgv).catch(async (error: unknown) => {
    await cleanUp();
    throw error;
  });
  const readyMs = Date.now() - startedAt;
  const ingest = services[0]!;
  const topology: PipelineTopology = {
    kind: 'pipeline',
    namespace,
    env,
    articlesUrl: `http://127.0.0.1:${ingest.port}/v1/articles`,
    headers: { authorization: `Bearer ${secret}` },
    members: services.map((s) => ({ role: s.name, pid: s.process.pid! })),
    readyMs,
    readyMsEach: Object.fromEntries(services.map((s) => [s.name, s.readyMs])),
    eventsStream: streamNames(namespace).events,
    addEnrichment: async () => {
      const extra = await start('enrichment', env, execArgv);
      services.push(extra);
      topology.members.push({ role: 'enrichment', pid: extra.process.pid! });
    },
    stop: async () => {
      await Promise.all(services.map(stopService));
      await cleanUp();
    },
  };
  return topology;
}
