/**
 * Folds the phases of all rounds into one line per system and load (the
 * median of the rounds, so one disturbed round on a shared machine does not
 * decide), the pipeline/bare ratios, and the latest.json document.
 */
import type { CpuKey, PhaseResult } from './phase.js';
import type { ServiceName } from '#contracts';

export interface LoadSummary {
  throughputPerSec: number;
  publishedOfAccepted: string;
  acceptP99Ms: number;
  endToEnd: { p50: number; p95: number; p99: number };
  cpuSecPer1000: Record<ServiceName, number>;
  /**
   * CPU milliseconds per published article, by process: the services, nats-server and the Postgres backends
   * (from /proc, before and after the phase), and `all`, their sum: what one article costs the machine. The
   * bench's own sender and watcher are left out of `all` (they are the clients).
   */
  cpuMsPerArticle: Record<Exclude<CpuKey, 'bench'> | 'all', number>;
  peakRssMb: Record<ServiceName, number>;
}

const MACHINE: Exclude<CpuKey, 'bench'>[] = ['ingest', 'enrichment', 'publishing', 'nats', 'postgres'];

/** Per process, the median over the rounds; CPU seconds per 1,000 articles are CPU milliseconds per article. */
function cpuMsPerArticle(phases: PhaseResult[]): LoadSummary['cpuMsPerArticle'] {
  const round = (v: number) => Math.round(v * 1000) / 1000;
  const each = Object.fromEntries(MACHINE.map((key) => [key, round(median(phases.map((p) => p.cpuSecPer1000[key])))])) as Record<
    (typeof MACHINE)[number],
    number
  >;
  return { ...each, all: round(median(phases.map((p) => MACHINE.reduce((sum, key) => sum + p.cpuSecPer1000[key], 0)))) };
}

export function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = sorted.length / 2;
  return Number.isInteger(mid) ? (sorted[mid - 1]! + sorted[mid]!) / 2 : sorted[Math.floor(mid)]!;
}

const byRole = (phases: PhaseResult[], pick: (p: PhaseResult) => Record<ServiceName, number>, fold: (v: number[]) => number): Record<ServiceName, number> => ({
  ingest: fold(phases.map((p) => pick(p).ingest)),
  enrichment: fold(phases.map((p) => pick(p).enrichment)),
  publishing: fold(phases.map((p) => pick(p).publishing)),
});

export function summariseLoad(phases: PhaseResult[]): LoadSummary {
  const m = (pick: (p: PhaseResult) => number) => Math.round(median(phases.map(pick)) * 10) / 10;
  return {
    throughputPerSec: m((p) => p.throughputPerSec),
    publishedOfAccepted: `${phases.reduce((n, p) => n + p.published, 0)}/${phases.reduce((n, p) => n + p.accepted, 0)}`,
    acceptP99Ms: m((p) => p.acceptMs.p99),
    endToEnd: { p50: m((p) => p.endToEndMs.p50), p95: m((p) => p.endToEndMs.p95), p99: m((p) => p.endToEndMs.p99) },
    cpuSecPer1000: byRole(
      phases,
      (p) => p.cpuSecPer1000,
      (v) => Math.round(median(v) * 1000) / 1000,
    ),
    cpuMsPerArticle: cpuMsPerArticle(phases),
    peakRssMb: byRole(
      phases,
      (p) => p.peakRssMb,
      (v) => Math.max(...v),
    ),
  };
}

export type System = PhaseResult['system'];

/** Phases of one system and load at the base instance count (the scale-out phase is kept apart). */
export function phasesOf(results: PhaseResult[], system: System, load: string, enrichmentInstances = 1): PhaseResult[] {
  return results.filter((r) => r.system === system && r.load === load && r.enrichmentInstances === enrichmentInstances);
}

export const ratio = (pipeline: number, bare: number): number => Math.round((pipeline / bare) * 100) / 100;

/** Everything one article costs the machine (services, NATS, Postgres), as cpuMsPerArticle.all. */
const totalCpu = (s: LoadSummary) => s.cpuMsPerArticle.all;

export function ratios(pipeline: LoadSummary, bare: LoadSummary) {
  return {
    throughput: ratio(pipeline.throughputPerSec, bare.throughputPerSec),
    endToEndP99: ratio(pipeline.endToEnd.p99, bare.endToEnd.p99),
    acceptP99: ratio(pipeline.acceptP99Ms, bare.acceptP99Ms),
    cpuPerArticle: ratio(totalCpu(pipeline), totalCpu(bare)),
  };
}
