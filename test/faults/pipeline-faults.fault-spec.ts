import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { sendBurst } from './support/burst.js';
import { NatsServer, PostgresCluster } from './support/infra.js';
import { API_KEY, FaultPipeline, formatTable, handledPerInstance, settleAndCount, type ScenarioCounts, type Topology } from './support/pipeline.js';

/**
 * The pipeline under faults. Each scenario runs the three services as separate
 * processes from the production build, on a namespace and database of its own,
 * sends a burst of editor articles and injects one fault a third of the way in;
 * then every accepted article must be published exactly once.
 *
 * FAULT_ARTICLES (default 2400) and FAULT_RATE (articles/s, default 200) size the burst.
 */
const ARTICLES = Number(process.env.FAULT_ARTICLES ?? 2400);
const RATE = Number(process.env.FAULT_RATE ?? 200);
const CONCURRENCY = 32;
const SCENARIO_TIMEOUT_MS = 300_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const print = (text: string) => process.stdout.write(`${text}\n`);

let nats: NatsServer;
let postgres: PostgresCluster;
const pipelines = new Set<FaultPipeline>();
const results: ScenarioCounts[] = [];

beforeAll(async () => {
  // Built from the current sources (a no-op when dist/ is up to date).
  execFileSync(process.execPath, [path.resolve(import.meta.dirname, '../../scripts/ensure-build.mjs')], { stdio: 'inherit' });
  nats = await NatsServer.start();
  postgres = await PostgresCluster.start();
  print(`fault suite: nats-server on :${nats.port}, PostgreSQL (${postgres.binDir}) on :${postgres.port}; ${ARTICLES} articles per burst at ${RATE}/s`);
}, 180_000);

afterAll(async () => {
  for (const pipeline of pipelines) await pipeline.stop();
  await nats?.dispose();
  await postgres?.dispose();
  if (results.length) print(`\nfault suite summary\n${formatTable(results)}\n`);
}, 120_000);

interface Scenario {
  name: string;
  topology?: Topology;
  /** The fault, started when a third of the burst has been sent. */
  fault?: (pipeline: FaultPipeline) => Promise<string | void>;
}

async function runScenario({ name, topology = { enrichment: 1, publishing: 1 }, fault }: Scenario): Promise<ScenarioCounts> {
  const started = Date.now();
  const pipeline = new FaultPipeline(nats, postgres);
  pipelines.add(pipeline);
  const notes: string[] = [];
  try {
    await pipeline.start(topology);
    const burst = await sendBurst({
      ingestUrl: pipeline.ingestUrl,
      count: ARTICLES,
      concurrency: CONCURRENCY,
      ratePerSecond: RATE,
      source: `faults-${pipeline.namespace}`,
      apiKey: API_KEY,
      trigger: fault
        ? {
            at: Math.floor(ARTICLES / 3),
            run: async () => {
              const stored = await postgres
                .query<{ n: string }>(pipeline.database, 'SELECT count(*) AS n FROM articles')
                .then((rows) => rows[0]!.n, () => '?');
              notes.push(`fault injected after ${Math.floor(ARTICLES / 3)} articles sent, ${stored} stored by then`);
              const note = await fault(pipeline);
              if (note) notes.push(note);
            },
          }
        : undefined,
    });
    await burst.fault;
    if (burst.failedAttempts) notes.push(`failed POST attempts (retried): ${[...burst.failures].map(([k, v]) => `${k}×${v}`).join(', ')}`);
    if (burst.refused) notes.push(`articles never accepted: ${burst.refused}`);
    if (burst.duplicateReceipts) notes.push(`retries answered "duplicate": ${burst.duplicateReceipts}`);
    notes.push(`burst sent in ${(burst.sendMs / 1000).toFixed(1)} s`);

    const counts = await settleAndCount(nats, postgres, pipeline, [...burst.accepted.values()]);
    if (topology.publishing > 1 || topology.enrichment > 1) {
      const enriched = await handledPerInstance(pipeline, 'enrichment#');
      const published = await handledPerInstance(pipeline, 'publishing#');
      notes.push(`events handled per instance: ${Object.entries({ ...enriched, ...published }).map(([k, v]) => `${k}=${v}`).join(', ')}`);
    }
    const result: ScenarioCounts = {
      scenario: name,
      ...counts,
      retriedPosts: burst.failedAttempts,
      duplicateReceipts: burst.duplicateReceipts,
      elapsedMs: Date.now() - started,
      notes,
    };
    if (result.stuck || result.duplicateEvents || result.duplicateArticles || result.rows !== result.accepted) {
      for (const instance of pipeline.services.keys()) {
        const troubles = pipeline.troubles(instance).slice(-5);
        if (troubles.length) notes.push(`${instance} last errors:\n    ${troubles.join('\n    ')}`);
      }
    }
    if (result.statusNotPublished) notes.push(`ingest statuses of the accepted articles: ${JSON.stringify(result.statuses)}`);
    results.push(result);
    print(`\n[${name}]\n${formatTable([result])}\n  ${notes.join('\n  ')}\n`);
    return result;
  } finally {
    await pipeline.stop();
    pipelines.delete(pipeline);
  }
}

/**
 * The guarantee: every accepted article stored once and published exactly once; nothing stuck,
 * and ingest's status endpoint says `published` for each of them.
 */
function expectExactlyOnce(result: ScenarioCounts): void {
  expect(result.statuses).toEqual({ published: result.accepted });
  expect(result.accepted).toBeGreaterThanOrEqual(2000);
  expect({
    rows: result.rows,
    uniquePublished: result.uniqueEventIds,
    publishedEvents: result.publishedEvents,
    duplicateEvents: result.duplicateEvents,
    duplicateArticles: result.duplicateArticles,
    stuck: result.stuck,
    unexpected: result.unexpected,
    deadLetters: result.deadLetters,
  }).toEqual({
    rows: result.accepted,
    uniquePublished: result.accepted,
    publishedEvents: result.accepted,
    duplicateEvents: 0,
    duplicateArticles: 0,
    stuck: 0,
    unexpected: 0,
    deadLetters: 0,
  });
}

describe('the pipeline under faults (separate processes, production build)', () => {
  it(
    'kill -9 of enrichment mid-burst, restarted 2 s later: every accepted article published exactly once',
    async () => {
      expectExactlyOnce(
        await runScenario({
          name: 'kill -9 enrichment',
          fault: async (pipeline) => {
            await pipeline.kill('enrichment#1');
            await sleep(2000);
            const restarted = await pipeline.startInstance('enrichment#1');
            return `enrichment killed and back (ready in ${(restarted.readyMs / 1000).toFixed(1)} s)`;
          },
        }),
      );
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'kill -9 of publishing mid-burst, restarted 2 s later: every accepted article published exactly once',
    async () => {
      expectExactlyOnce(
        await runScenario({
          name: 'kill -9 publishing',
          fault: async (pipeline) => {
            await pipeline.kill('publishing#1');
            await sleep(2000);
            const restarted = await pipeline.startInstance('publishing#1');
            return `publishing killed and back (ready in ${(restarted.readyMs / 1000).toFixed(1)} s)`;
          },
        }),
      );
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'Postgres stopped for 15 s mid-burst: every accepted article published exactly once',
    async () => {
      expectExactlyOnce(
        await runScenario({
          name: 'postgres down 15 s',
          fault: async () => {
            await postgres.stopServer();
            await sleep(15_000);
            await postgres.startServer();
            return 'postgres stopped (fast) and started again after 15 s';
          },
        }),
      );
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'NATS restarted mid-burst: every accepted article published exactly once',
    async () => {
      expectExactlyOnce(
        await runScenario({
          name: 'nats restart',
          fault: async () => {
            const stopped = Date.now();
            await nats.restart(2000);
            return `nats-server stopped (SIGTERM) and back after ${((Date.now() - stopped) / 1000).toFixed(1)} s, same store and port`;
          },
        }),
      );
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'two enrichment and two publishing instances sharing the work: every accepted article published exactly once',
    async () => {
      const result = await runScenario({ name: '2×enrichment 2×publishing', topology: { enrichment: 2, publishing: 2 } });
      expectExactlyOnce(result);
      // Both instances of each service took part.
      const perInstance = result.notes.find((n) => n.startsWith('events handled per instance'))!;
      for (const instance of ['enrichment#1', 'enrichment#2', 'publishing#1', 'publishing#2']) {
        expect(Number(new RegExp(`${instance}=(\\d+)`).exec(perInstance)?.[1] ?? 0)).toBeGreaterThan(0);
      }
    },
    SCENARIO_TIMEOUT_MS,
  );
});
