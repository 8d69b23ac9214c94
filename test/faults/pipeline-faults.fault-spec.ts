import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { assertBuilt } from '../harness/services.js';
import { NatsServer, PostgresCluster } from '../harness/fault-infra.js';
import { formatTable, type FaultPipeline, type ScenarioCounts } from '../harness/fault-pipeline.js';
import { expectExactlyOnce, runScenario as runIn, type Scenario } from '../harness/fault-scenario.js';

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
const SCENARIO_TIMEOUT_MS = 300_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const print = (text: string) => process.stdout.write(`${text}\n`);
const runScenario = (scenario: Scenario) => runIn({ nats, postgres, articles: ARTICLES, rate: RATE, results, pipelines }, scenario);

let nats: NatsServer;
let postgres: PostgresCluster;
const pipelines = new Set<FaultPipeline>();
const results: ScenarioCounts[] = [];

beforeAll(async () => {
  assertBuilt();
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
      const result = await runScenario({ name: '2×enrichment 2×publishing', instances: { enrichment: 2, publishing: 2 } });
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
