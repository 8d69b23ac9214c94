export interface ObservabilityOptions {
  service: string;
  /** OTLP/HTTP base URL; empty: spans get ids (propagated, logged) but are not recorded. */
  otlpEndpoint: string;
  lagPollMs: number;
  /** Publish the Postgres pool gauges of the service's TypeORM DataSource. */
  databasePool: boolean;
}

export const OBSERVABILITY_OPTIONS = Symbol('OBSERVABILITY_OPTIONS');
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');
