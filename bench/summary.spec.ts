import { describe, expect, it } from '@jest/globals';
import type { PhaseResult } from './phase.js';
import { summariseLoad } from './summary.js';

const latency = { p50: 1, p95: 2, p99: 3 };
const phase = (cpu: Partial<PhaseResult['cpuSecPer1000']>): PhaseResult =>
  ({
    throughputPerSec: 100,
    published: 1000,
    accepted: 1000,
    acceptMs: latency,
    endToEndMs: latency,
    cpuSecPer1000: { ingest: 0, enrichment: 0, publishing: 0, bench: 0, nats: 0, postgres: 0, ...cpu },
    peakRssMb: { ingest: 100, enrichment: 200, publishing: 150 },
  }) as unknown as PhaseResult;

describe('the load summary', () => {
  it('gives CPU milliseconds per article for every process of the machine and their sum, the clients left out, median of the rounds', () => {
    const summary = summariseLoad([
      phase({ ingest: 0.5, enrichment: 2, publishing: 1, nats: 0.3, postgres: 0.7, bench: 5 }),
      phase({ ingest: 0.7, enrichment: 2.2, publishing: 1.2, nats: 0.5, postgres: 0.9, bench: 6 }),
    ]);
    expect(summary.cpuMsPerArticle).toEqual({ ingest: 0.6, enrichment: 2.1, publishing: 1.1, nats: 0.4, postgres: 0.8, all: 5 });
  });
});
