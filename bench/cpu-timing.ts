/**
 * Times a synchronous job per item. The per-call figure is CPU time of this
 * process (getrusage), not wall time: on a shared 2-core machine wall time
 * mostly measures how long the scheduler kept us waiting. perSecPerCore is
 * items per CPU second of this single-threaded process.
 */
export interface Timing {
  items: number;
  perSecPerCore: number;
  /** Median CPU milliseconds per call. */
  medianMs: number;
  p95Ms: number;
  /** Median wall milliseconds per call, for comparison (inflated by preemption). */
  wallMedianMs: number;
}

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
const round3 = (n: number) => Math.round(n * 1000) / 1000;

function quantile(sorted: number[], q: number): number {
  return round3(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN);
}

export function timeEach<T>(items: T[], job: (item: T) => unknown, rounds: number): Timing {
  for (const item of items) job(item); // warm-up: JIT and lazy tables
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const item of items) {
      const [c0, t0] = [process.cpuUsage(), performance.now()];
      job(item);
      wall.push(performance.now() - t0);
      cpu.push(cpuMs(process.cpuUsage(c0)));
    }
  }
  const total = cpu.reduce((a, b) => a + b, 0);
  cpu.sort((a, b) => a - b);
  wall.sort((a, b) => a - b);
  return {
    items: items.length,
    perSecPerCore: Math.round((cpu.length * 1000) / Math.max(total, 1e-6)),
    medianMs: quantile(cpu, 0.5),
    p95Ms: quantile(cpu, 0.95),
    wallMedianMs: quantile(wall, 0.5),
  };
}
