import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * One registry per service instance rather than prom-client's global one, so
 * several services can run in one process (tests) without clashing names.
 */
export function createServiceRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry, prefix: 'depeche_' });
  return registry;
}

/** Handler durations: sub-millisecond enrichment up to slow database retries. */
export const DURATION_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
