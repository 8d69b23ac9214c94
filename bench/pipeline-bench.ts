/**
 * `npm run bench`: the bare infrastructure (bench/bare) and the pipeline (the
 * three services from the production build), each as separate processes, fed
 * the same article mix at the same loads, alternating so both see the same
 * machine. Prints tables and writes bench/results/latest.json.
 *   node dist/bench/pipeline-bench.js [--quick] [--loads 100,500,max] [--duration 10] [--enrichment 2] [--rounds 2] [--profile]
 */
import { execSync } from 'node:child_process';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { articleMix } from './article-mix.js';
import { startBare } from './bare/bare-topology.js';
import { benchOptions, type BenchOptions } from './cli.js';
import { latestDocument, targets } from './latest.js';
import { nlpTimings } from './nlp-timing.js';
import { runPhase, type Load, type PhaseResult } from './phase.js';
import { startPipeline, type PipelineTopology } from './pipeline-topology.js';
import { printHops, printPhase, printPhases, printResources, printSummary, printSwitches, printTargets } from './report.js';
import { writeResults } from './results-file.js';
import { NATS_URL } from '../test/harness/namespace.js';
import { profileArgs } from './profile-args.js';
import { phasesOf, summariseLoad } from './summary.js';
import type { Topology } from './topology.js';
import { Tracker } from './tracker.js';

/** A short unrecorded phase per system first: JIT, connection pools and lazy tables warm up. */
const WARM_UP = { load: 100, durationS: 3 } as const;

interface Subject {
  topology: Topology;
  tracker: Tracker;
}

const uptime = () => execSync('uptime').toString().trim();

/** Stops what was started, also on Ctrl-C: orphaned services would keep consuming from their streams. */
function stopper(started: Topology[]): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () =>
    (stopping ??= (async () => {
      for (const topology of [...started].reverse()) await topology.stop().catch((error: unknown) => console.error(`cleanup ${topology.namespace}:`, error));
    })());
}

async function measure(nc: NatsConnection, subject: Subject, bodies: string[], options: BenchOptions, load: Load, round: number): Promise<PhaseResult> {
  const result = await runPhase(nc, subject.topology, subject.tracker, bodies, {
    load,
    durationS: options.durationS,
    window: options.window,
    drainTimeoutS: options.drainTimeoutS,
    round,
  });
  printPhase(result);
  return result;
}

/** Bare and pipeline take turns at each load; the order flips every round so neither always goes first. */
async function interleaved(nc: NatsConnection, subjects: Subject[], bodies: string[], options: BenchOptions): Promise<PhaseResult[]> {
  const results: PhaseResult[] = [];
  for (const subject of subjects)
    await runPhase(nc, subject.topology, subject.tracker, bodies, { ...WARM_UP, window: options.window, drainTimeoutS: options.drainTimeoutS, round: 0 });
  for (let round = 1; round <= options.rounds; round++) {
    for (const load of options.loads) {
      for (const subject of round % 2 ? subjects : [...subjects].reverse()) results.push(await measure(nc, subject, bodies, options, load, round));
    }
  }
  return results;
}

/** More enrichment instances on the same durable: the gain at the "max" load over one instance. */
async function scaleOut(nc: NatsConnection, pipeline: Subject & { topology: PipelineTopology }, bodies: string[], options: BenchOptions, base: PhaseResult[]) {
  for (let i = 1; i < options.enrichment; i++) await pipeline.topology.addEnrichment();
  const results: PhaseResult[] = [];
  for (let round = 1; round <= options.rounds; round++) results.push(await measure(nc, pipeline, bodies, options, 'max', round));
  const maxPerSec = summariseLoad(results).throughputPerSec;
  const one = summariseLoad(phasesOf(base, 'pipeline', 'max')).throughputPerSec;
  return { results, summary: { instances: options.enrichment, maxPerSec, gain: Math.round((maxPerSec / one) * 100) / 100 } };
}

async function main(): Promise<void> {
  const options = benchOptions();
  const mix = articleMix();
  console.log(`article mix: ${mix.bodies.length} articles, median ${mix.medianBytes} bytes, languages ${JSON.stringify(mix.languages)}`);
  console.log(`before: ${uptime()}`);
  const nc = await connect({ servers: NATS_URL });
  const started: Topology[] = [];
  const stopAll = stopper(started);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stopAll().finally(() => process.exit(130)));
  try {
    const bare = await startBare(nc);
    started.push(bare);
    const pipeline = await startPipeline(nc, profileArgs(options.profile));
    started.push(pipeline);
    console.log(`ready: bare ${bare.readyMs} ms, pipeline ${pipeline.readyMs} ms (namespaces ${bare.namespace}, ${pipeline.namespace})`);
    const subjects = [bare, pipeline].map((topology) => ({ topology, tracker: new Tracker(nc, topology.namespace) }));
    const results = await interleaved(nc, subjects, mix.bodies, options);
    const scaled =
      options.enrichment > 1 && options.loads.includes('max')
        ? await scaleOut(nc, { ...subjects[1]!, topology: pipeline }, mix.bodies, options, results)
        : undefined;
    const nlp = await nlpTimings(options.nlpRounds);
    const all = [...results, ...(scaled?.results ?? [])];
    const doc = latestDocument({
      results: all,
      loads: options.loads.map(String),
      readyMs: { bare: bare.readyMs, pipeline: pipeline.readyMs },
      readyMsEach: { bare: bare.readyMsEach, pipeline: pipeline.readyMsEach },
      enrichMsPerArticle: nlp.typical.medianMs,
      ...(scaled ? { scaleOut: scaled.summary } : {}),
      articleMix: { articles: mix.bodies.length, medianBytes: mix.medianBytes, languages: mix.languages },
      options,
    });
    printPhases(all);
    printHops(all);
    printResources(all);
    printSwitches(all);
    printSummary(doc);
    printTargets(targets(doc));
    console.log(`after: ${uptime()}`);
    console.log(`wrote ${writeResults('latest.json', { uptime: uptime(), ...doc })}`);
    for (const s of subjects) s.tracker.close();
  } finally {
    await stopAll();
    await nc.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
