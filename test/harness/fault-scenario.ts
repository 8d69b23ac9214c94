import { expect } from '@jest/globals';
import { sendBurst } from './fault-burst.js';
import type { PostgresCluster } from './fault-infra.js';
import {
  API_KEY,
  FaultPipeline,
  handledPerInstance,
  settleAndCount,
  formatTable,
  type NatsEndpoint,
  type ScenarioCounts,
  type InstanceCounts,
} from './fault-pipeline.js';

export interface Scenario {
  name: string;
  instances?: InstanceCounts;
  /** The fault, started when a third of the burst has been sent. */
  fault?: (pipeline: FaultPipeline) => Promise<string | void>;
}

export interface ScenarioContext {
  nats: NatsEndpoint;
  postgres: PostgresCluster;
  /** Articles per burst and their pace (articles/s). */
  articles: number;
  rate: number;
  /** Settings for every service of the scenario's pipeline. */
  env?: NodeJS.ProcessEnv;
  /** Every result, for the suite's summary table. */
  results: ScenarioCounts[];
  /** Pipelines still running, for afterAll to stop after a failure. */
  pipelines: Set<FaultPipeline>;
}

const CONCURRENCY = 32;
const print = (text: string) => process.stdout.write(`${text}\n`);

/**
 * Starts a pipeline on a namespace and database of its own, sends a burst of
 * editor articles, injects the fault a third of the way in, then waits for
 * everything accepted to settle and counts.
 */
export async function runScenario(context: ScenarioContext, { name, instances = { enrichment: 1, publishing: 1 }, fault }: Scenario): Promise<ScenarioCounts> {
  const { nats, postgres, results, pipelines, articles: ARTICLES, rate: RATE } = context;
  const started = Date.now();
  const pipeline = new FaultPipeline(nats, postgres, context.env);
  pipelines.add(pipeline);
  const notes: string[] = [];
  try {
    await pipeline.start(instances);
    const burst = await sendBurst({
      ingestUrl: pipeline.ingestUrl,
      count: ARTICLES,
      concurrency: CONCURRENCY,
      ratePerSecond: RATE,
      source: 'faults', // the key's newsroom; each scenario's pipeline dedupes in a namespace of its own
      apiKey: API_KEY,
      trigger: fault
        ? {
            at: Math.floor(ARTICLES / 3),
            run: async () => {
              const stored = await postgres.query<{ n: string }>(pipeline.database, 'SELECT count(*) AS n FROM articles').then(
                (rows) => rows[0]!.n,
                () => '?',
              );
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
    if (instances.publishing > 1 || instances.enrichment > 1) {
      const enriched = await handledPerInstance(pipeline, 'enrichment#');
      const published = await handledPerInstance(pipeline, 'publishing#');
      notes.push(
        `events handled per instance: ${Object.entries({ ...enriched, ...published })
          .map(([k, v]) => `${k}=${v}`)
          .join(', ')}`,
      );
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
export function expectExactlyOnce(result: ScenarioCounts, minimum = 2000): void {
  expect(result.statuses).toEqual({ published: result.accepted });
  expect(result.accepted).toBeGreaterThanOrEqual(minimum);
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
