/**
 * One measured phase: one system under one load. Sends, waits for the
 * published events (or gives up and purges the backlog so the next phase
 * starts clean), and charges each process the CPU it used meanwhile.
 */
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { contextSwitches, cpuSeconds, cpuSecondsOfCommand, memory, pidsOfCommand } from './proc-stats.js';
import { closedLoop, isAccepted, openLoop, type Sending } from './sender.js';
import { summarise, type LatencySummary } from './stats.js';
import { SERVICES, type ServiceName } from '#contracts';
import type { Topology } from './topology.js';
import type { Stage, Tracker } from './tracker.js';

export type Load = number | 'max';

export interface PhaseOptions {
  load: Load;
  durationS: number;
  /** Articles in flight end to end under the "max" load. */
  window: number;
  drainTimeoutS: number;
  round: number;
}

export interface PhaseResult {
  system: Topology['kind'];
  load: string;
  round: number;
  enrichmentInstances: number;
  sent: number;
  accepted: number;
  published: number;
  /** Accepted articles not published within the drain timeout (purged). */
  unfinished: number;
  throughputPerSec: number;
  acceptMs: LatencySummary;
  endToEndMs: LatencySummary;
  hopsMs: { httpToIngested: LatencySummary; ingestedToEnriched: LatencySummary; enrichedToPublished: LatencySummary };
  /** CPU seconds per 1,000 published articles; "bench" is the sender and watcher, "nats" and "postgres" the local servers. */
  cpuSecPer1000: Record<CpuKey, number>;
  /** Context switches per published article, same keys: how often each process had to wake up. */
  switchesPerArticle: Record<CpuKey, number>;
  /** VmHWM at the end of the phase (peak since start); the largest instance for a role with several. */
  peakRssMb: Record<ServiceName, number>;
}

export type CpuKey = ServiceName | 'bench' | 'nats' | 'postgres';
type Snapshot = Record<CpuKey, number>;
const CPU_KEYS: CpuKey[] = [...SERVICES, 'bench', 'nats', 'postgres'];

const byKey = (value: (key: CpuKey) => number) => Object.fromEntries(CPU_KEYS.map((key) => [key, value(key)])) as Record<CpuKey, number>;
const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

function cpuSnapshot(topology: Topology): Snapshot {
  const own = process.cpuUsage();
  const snap: Snapshot = {
    ingest: 0,
    enrichment: 0,
    publishing: 0,
    bench: (own.user + own.system) / 1e6,
    nats: cpuSecondsOfCommand('nats-server'),
    postgres: cpuSecondsOfCommand('postgres'),
  };
  for (const member of topology.members) snap[member.role] += cpuSeconds(member.pid);
  return snap;
}

/**
 * Context switches so far of each process, by pid: a process that ends
 * mid-phase (a Postgres backend) takes its count with it, so phases compare
 * pid by pid rather than as totals, which could then go down.
 */
type SwitchSnapshot = Record<CpuKey, Map<number, number>>;

function switchSnapshot(topology: Topology): SwitchSnapshot {
  const of = (pids: number[]) => new Map(pids.map((pid) => [pid, contextSwitches(pid)]));
  const byRole = (role: ServiceName) => of(topology.members.filter((m) => m.role === role).map((m) => m.pid));
  return {
    ingest: byRole('ingest'),
    enrichment: byRole('enrichment'),
    publishing: byRole('publishing'),
    bench: of([process.pid]),
    nats: of(pidsOfCommand('nats-server')),
    postgres: of(pidsOfCommand('postgres')),
  };
}

function switchesSince(before: SwitchSnapshot, after: SwitchSnapshot): Snapshot {
  const delta = (key: CpuKey) => [...after[key]].reduce((total, [pid, count]) => total + count - (before[key].get(pid) ?? 0), 0);
  return byKey(delta);
}

function peakRss(topology: Topology): Record<ServiceName, number> {
  const peaks = { ingest: 0, enrichment: 0, publishing: 0 };
  for (const member of topology.members) peaks[member.role] = Math.max(peaks[member.role], memory(member.pid).peakMb);
  return peaks;
}

async function drain(tracker: Tracker, accepted: number, timeoutS: number): Promise<void> {
  const deadline = performance.now() + timeoutS * 1000;
  while (tracker.publishedCount < accepted && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Per-article gap between two moments, for the articles that have both. */
function gaps(sendings: Sending[], from: (s: Sending) => number | undefined, to: (s: Sending) => number | undefined): LatencySummary {
  const values: number[] = [];
  for (const s of sendings) {
    const [a, b] = [from(s), to(s)];
    if (a !== undefined && b !== undefined) values.push(b - a);
  }
  return summarise(values);
}

function latencies(sendings: Sending[], tracker: Tracker): Pick<PhaseResult, 'acceptMs' | 'endToEndMs' | 'hopsMs'> {
  const at = (stage: Stage) => (s: Sending) => tracker.arrivals[stage].get(s.correlationId);
  const scheduled = (s: Sending) => s.scheduled;
  return {
    acceptMs: summarise(sendings.filter(isAccepted).map((s) => s.acceptMs!)),
    endToEndMs: gaps(sendings, scheduled, at('published')),
    hopsMs: {
      httpToIngested: gaps(sendings, scheduled, at('ingested')),
      ingestedToEnriched: gaps(sendings, at('ingested'), at('enriched')),
      enrichedToPublished: gaps(sendings, at('enriched'), at('published')),
    },
  };
}

function lastArrival(tracker: Tracker): number {
  let last = 0;
  for (const t of tracker.arrivals.published.values()) last = Math.max(last, t);
  return last;
}

export async function runPhase(nc: NatsConnection, topology: Topology, tracker: Tracker, bodies: string[], options: PhaseOptions): Promise<PhaseResult> {
  const tag = `${topology.kind}-${options.load}-${options.round}-${Date.now()}-`;
  tracker.reset(tag);
  const before = { cpu: cpuSnapshot(topology), switches: switchSnapshot(topology) };
  const started = performance.now();
  const sendings =
    options.load === 'max'
      ? await closedLoop(topology, tracker, bodies, options.window, options.durationS, tag)
      : await openLoop(topology, bodies, options.load, options.durationS, tag);
  const accepted = sendings.filter(isAccepted).length;
  await drain(tracker, accepted, options.drainTimeoutS);
  const after = { cpu: cpuSnapshot(topology), switches: switchSnapshot(topology) };
  const published = tracker.publishedCount;
  if (published < accepted) await (await jetstreamManager(nc)).streams.purge(topology.eventsStream);
  const switches = switchesSince(before.switches, after.switches);
  const perArticle = (used: number) => used / Math.max(published, 1);
  return {
    system: topology.kind,
    load: String(options.load),
    round: options.round,
    enrichmentInstances: topology.members.filter((m) => m.role === 'enrichment').length,
    sent: sendings.length,
    accepted,
    published,
    unfinished: Math.max(0, accepted - published),
    throughputPerSec: Math.round((published / Math.max((lastArrival(tracker) - started) / 1000, 1e-3)) * 10) / 10,
    ...latencies(sendings, tracker),
    cpuSecPer1000: byKey((key) => round(perArticle(after.cpu[key] - before.cpu[key]) * 1000, 3)),
    switchesPerArticle: byKey((key) => round(perArticle(switches[key]), 1)),
    peakRssMb: peakRss(topology),
  };
}
