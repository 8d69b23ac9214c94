/** The tables `npm run bench` prints. */
import type { PhaseResult } from './phase.js';
import type { LatestDocument, Target } from './latest.js';

const lat = (s: { p50: number; p95: number; p99: number }) => `${s.p50} / ${s.p95} / ${s.p99}`;
const hop = (s: { p50: number; p99: number }) => `${s.p50} / ${s.p99}`;

/** The first columns of every per-phase table: which system, at which load, in which round. */
const phaseColumns = (r: PhaseResult) => ({
  system: r.system + (r.enrichmentInstances > 1 ? ` x${r.enrichmentInstances} enr` : ''),
  load: r.load,
  round: r.round,
});

export function printPhase(r: PhaseResult): void {
  const label = `${r.system}${r.enrichmentInstances > 1 ? ` (${r.enrichmentInstances} enrichment)` : ''} @ ${r.load === 'max' ? 'max' : `${r.load}/s`} round ${r.round}`;
  console.log(
    `  ${label.padEnd(42)} ${String(r.throughputPerSec).padStart(7)}/s  published ${r.published}/${r.accepted} of ${r.sent}  e2e p50/p99 ${r.endToEndMs.p50}/${r.endToEndMs.p99} ms`,
  );
}

export function printPhases(results: PhaseResult[]): void {
  console.log('\nEvery phase (latency in ms from the scheduled send; p50 / p95 / p99):');
  console.table(
    results.map((r) => ({
      ...phaseColumns(r),
      'published/s': r.throughputPerSec,
      'published/accepted': `${r.published}/${r.accepted}`,
      'HTTP accept': lat(r.acceptMs),
      'ingest→published': lat(r.endToEndMs),
    })),
  );
}

export function printHops(results: PhaseResult[]): void {
  console.log('\nWhere the time goes, hop by hop (arrival of each event at the bench; ms p50 / p99):');
  console.table(
    results.map((r) => ({
      ...phaseColumns(r),
      'HTTP→ingested': hop(r.hopsMs.httpToIngested),
      'ingested→enriched': hop(r.hopsMs.ingestedToEnriched),
      'enriched→published': hop(r.hopsMs.enrichedToPublished),
    })),
  );
}

export function printResources(results: PhaseResult[]): void {
  console.log('\nCPU seconds per 1,000 published articles, and peak resident memory (VmHWM, MB), per process role:');
  console.table(
    results.map((r) => ({
      ...phaseColumns(r),
      'cpu ingest': r.cpuSecPer1000.ingest,
      'cpu enrichment': r.cpuSecPer1000.enrichment,
      'cpu publishing': r.cpuSecPer1000.publishing,
      'cpu bench': r.cpuSecPer1000.bench,
      'cpu nats': r.cpuSecPer1000.nats,
      'cpu postgres': r.cpuSecPer1000.postgres,
      'rss ingest': r.peakRssMb.ingest,
      'rss enrichment': r.peakRssMb.enrichment,
      'rss publishing': r.peakRssMb.publishing,
    })),
  );
}

export function printSwitches(results: PhaseResult[]): void {
  console.log('\nContext switches per published article, per process role (each is a wake-up; all threads):');
  console.table(results.map((r) => ({ ...phaseColumns(r), ...r.switchesPerArticle })));
}

export function printSummary(doc: LatestDocument): void {
  console.log('\nSummary (median of rounds) and ratios pipeline/bare:');
  console.table(
    Object.keys(doc.pipeline.byLoad).map((load) => {
      const p = doc.pipeline.byLoad[load]!;
      const b = doc.bare.byLoad[load];
      const r = doc.ratios[load];
      return {
        load,
        'bare /s': b?.throughputPerSec,
        'pipeline /s': p.throughputPerSec,
        'throughput ratio': r?.throughput,
        'bare e2e p50/p95/p99': b ? lat(b.endToEnd) : '',
        'pipeline e2e p50/p95/p99': lat(p.endToEnd),
        'p99 ratio': r?.endToEndP99,
        'accept p99 ratio': r?.acceptP99,
        'CPU/article ratio': r?.cpuPerArticle,
      };
    }),
  );
  console.log('\nCPU ms per published article, every process of the machine (median of rounds):');
  console.table(
    Object.keys(doc.pipeline.byLoad).flatMap((load) => [
      { system: 'bare', load, ...doc.bare.byLoad[load]?.cpuMsPerArticle },
      { system: 'pipeline', load, ...doc.pipeline.byLoad[load]!.cpuMsPerArticle },
    ]),
  );
  console.log(
    `ready: pipeline ${doc.pipeline.readyMs} ms (all three started together: ${JSON.stringify(doc.pipeline.readyMsEach)}), bare ${doc.bare.readyMs} ms`,
  );
  console.log(`peak RSS (MB): pipeline ${JSON.stringify(doc.pipeline.rssMb)}; enrichment ${doc.pipeline.enrichMsPerArticle} ms per 2-4 KB article`);
  const scale = doc.pipeline.scaleOut;
  if (scale) console.log(`scale-out: ${scale.instances} enrichment instances sustain ${scale.maxPerSec}/s, ${scale.gain}x one instance`);
}

export function printTargets(list: Target[]): void {
  console.log('\nTargets:');
  console.table(list.map((t) => ({ target: t.target, measured: t.measured, met: t.met ? 'yes' : 'NO' })));
}
