/**
 * `npm run bench -- [--quick] [--loads 100,500,max] [--duration 10] [--enrichment 2] [--rounds 2] [--profile]`.
 * --quick is a smoke run of about a minute; the default run stays under ten.
 * --profile runs the services under `node --cpu-prof` (profiles in bench/results/profiles/).
 */
import { parseArgs } from 'node:util';
import type { Load } from './phase.js';

export interface BenchOptions {
  loads: Load[];
  durationS: number;
  /** Enrichment instances for the scale-out phase; 1 skips it. */
  enrichment: number;
  /** Bare and pipeline alternate within each round; more rounds average out a shared machine. */
  rounds: number;
  /** Articles in flight end to end under the "max" load. */
  window: number;
  drainTimeoutS: number;
  nlpRounds: number;
  profile: boolean;
}

function positive(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} wants a positive number, not "${value}"`);
  return n;
}

function loads(value: string): Load[] {
  return value.split(',').map((part) => (part.trim() === 'max' ? 'max' : positive('loads', part.trim())));
}

export function benchOptions(argv: string[] = process.argv.slice(2)): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      loads: { type: 'string' },
      duration: { type: 'string' },
      enrichment: { type: 'string', default: '1' },
      rounds: { type: 'string' },
      window: { type: 'string', default: '256' },
      profile: { type: 'boolean', default: false },
    },
  });
  const quick = values.quick ?? false;
  return {
    loads: loads(values.loads ?? (quick ? '100,max' : '100,500,max')),
    durationS: positive('duration', values.duration ?? (quick ? '4' : '10')),
    enrichment: positive('enrichment', values.enrichment!),
    rounds: positive('rounds', values.rounds ?? (quick ? '1' : '2')),
    window: positive('window', values.window!),
    drainTimeoutS: quick ? 15 : 30,
    nlpRounds: quick ? 3 : 10,
    profile: values.profile ?? false,
  };
}
