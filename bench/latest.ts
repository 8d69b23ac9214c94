/**
 * The document `npm run bench` writes to bench/results/latest.json, and the
 * issue's targets checked against it (reported, never adjusted).
 */
import type { PhaseResult } from './phase.js';
import { phasesOf, ratios, summariseLoad, type LoadSummary } from './summary.js';
import type { ServiceName } from '#contracts';

export interface RunFacts {
  results: PhaseResult[];
  loads: string[];
  readyMs: { bare: number; pipeline: number };
  readyMsEach: Record<'bare' | 'pipeline', Partial<Record<ServiceName, number>>>;
  enrichMsPerArticle: number;
  scaleOut?: { instances: number; maxPerSec: number; gain: number };
  articleMix: { articles: number; medianBytes: number; languages: Record<string, number> };
  options: object;
}

type BySystem = Record<string, LoadSummary>;

function summaries(results: PhaseResult[], system: PhaseResult['system'], loads: string[]): BySystem {
  return Object.fromEntries(
    loads.filter((load) => phasesOf(results, system, load).length).map((load) => [load, summariseLoad(phasesOf(results, system, load))]),
  );
}

/** The highest sustained rate seen at any load (max is the closed loop; an open load can beat it by noise). */
const maxPerSec = (s: BySystem) => Math.max(...Object.values(s).map((l) => l.throughputPerSec));

const peakRss = (s: BySystem): Record<ServiceName, number> => ({
  ingest: Math.max(...Object.values(s).map((l) => l.peakRssMb.ingest)),
  enrichment: Math.max(...Object.values(s).map((l) => l.peakRssMb.enrichment)),
  publishing: Math.max(...Object.values(s).map((l) => l.peakRssMb.publishing)),
});

export function latestDocument(facts: RunFacts) {
  const bare = summaries(facts.results, 'bare', facts.loads);
  const pipeline = summaries(facts.results, 'pipeline', facts.loads);
  const ratiosByLoad = Object.fromEntries(
    Object.keys(pipeline)
      .filter((l) => bare[l])
      .map((l) => [l, ratios(pipeline[l]!, bare[l]!)]),
  );
  return {
    options: facts.options,
    articleMix: facts.articleMix,
    bare: {
      maxPerSec: maxPerSec(bare),
      p99MsAt100: bare['100']?.endToEnd.p99 ?? null,
      readyMs: facts.readyMs.bare,
      readyMsEach: facts.readyMsEach.bare,
      byLoad: bare,
    },
    pipeline: {
      maxPerSec: maxPerSec(pipeline),
      p99MsAt100: pipeline['100']?.endToEnd.p99 ?? null,
      enrichMsPerArticle: facts.enrichMsPerArticle,
      rssMb: peakRss(pipeline),
      readyMs: facts.readyMs.pipeline,
      readyMsEach: facts.readyMsEach.pipeline,
      byLoad: pipeline,
      ...(facts.scaleOut ? { scaleOut: facts.scaleOut } : {}),
    },
    ratios: ratiosByLoad,
    phases: facts.results,
  };
}

export type LatestDocument = ReturnType<typeof latestDocument>;

export interface Target {
  target: string;
  measured: string;
  met: boolean;
}

export function targets(doc: LatestDocument): Target[] {
  const { bare, pipeline } = doc;
  const p99 = pipeline.p99MsAt100 ?? NaN;
  const bareP99 = bare.p99MsAt100 ?? NaN;
  const rss = Math.max(...Object.values(pipeline.rssMb));
  const cpuAtMax = pipeline.byLoad['max']?.cpuMsPerArticle.all ?? NaN;
  // Round 3's targets (performance issue): all-process CPU, throughput and latency against the bare path.
  return [
    {
      target: 'all-process CPU per article at full load <= 4 ms',
      measured: `${cpuAtMax} ms (${JSON.stringify(pipeline.byLoad['max']?.cpuMsPerArticle ?? {})})`,
      met: cpuAtMax <= 4,
    },
    {
      target: 'max throughput >= 30 % of bare',
      measured: `${pipeline.maxPerSec}/s vs ${bare.maxPerSec}/s (${Math.round((pipeline.maxPerSec / bare.maxPerSec) * 100)} %)`,
      met: pipeline.maxPerSec >= bare.maxPerSec * 0.3,
    },
    {
      target: 'p99 ingest→published at 100/s <= 2.5x bare',
      measured: `${p99} ms vs ${bareP99} ms (${Math.round((p99 / bareP99) * 10) / 10}x)`,
      met: p99 <= 2.5 * bareP99,
    },
    { target: 'enrichment <= 1 ms/article', measured: `${doc.pipeline.enrichMsPerArticle} ms`, met: doc.pipeline.enrichMsPerArticle <= 1 },
    { target: 'each service <= 300 MB RSS', measured: `${JSON.stringify(pipeline.rssMb)} MB`, met: rss <= 300 },
    { target: 'all ready <= 5 s', measured: `${pipeline.readyMs} ms`, met: pipeline.readyMs <= 5000 },
  ];
}
