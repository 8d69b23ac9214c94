import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Registry } from 'prom-client';
import type { observabilitySettings } from '../config.js';
import { ConsumerLagMonitor } from './metrics/consumer-lag.monitor.js';
import { registerDatabasePoolMetrics, typeormPool } from './metrics/database-pool.metrics.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { createServiceRegistry } from './metrics/service-registry.js';
import { Observability } from './observability.js';
import { METRICS_REGISTRY, OBSERVABILITY_OPTIONS, type ObservabilityOptions } from './observability-options.js';

type ObservabilityConfig = { [K in keyof typeof observabilitySettings]: ReturnType<(typeof observabilitySettings)[K]['parse']> };

/**
 * Metrics on GET /metrics, W3C trace context through HTTP and NATS, spans
 * exported over OTLP when configured. Needs MessagingModule (consumer lag).
 */
@Module({})
export class ObservabilityModule {
  static forRoot(service: string, config: ObservabilityConfig, extra: { databasePool?: boolean } = {}): DynamicModule {
    const options: ObservabilityOptions = {
      service,
      otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
      lagPollMs: config.CONSUMER_LAG_POLL_MS,
      databasePool: extra.databasePool ?? false,
    };
    return {
      module: ObservabilityModule,
      controllers: [MetricsController],
      providers: [
        { provide: OBSERVABILITY_OPTIONS, useValue: options },
        { provide: METRICS_REGISTRY, useFactory: () => createServiceRegistry(service) },
        Observability,
        ConsumerLagMonitor,
        ...(options.databasePool ? [databasePoolMetrics] : []),
      ],
      exports: [Observability, METRICS_REGISTRY],
    };
  }
}

/** The TypeORM DataSource is looked up lazily, so services without a database never load TypeORM. */
const databasePoolMetrics: Provider = {
  provide: Symbol('DATABASE_POOL_METRICS'),
  inject: [METRICS_REGISTRY, ModuleRef],
  useFactory: async (registry: Registry, moduleRef: ModuleRef) => {
    const { DataSource } = await import('typeorm');
    // Resolved at scrape time: the DataSource may not exist yet while the database is unreachable.
    registerDatabasePoolMetrics(registry, () => typeormPool(lookup(moduleRef, DataSource)));
    return true;
  },
};

function lookup<T>(moduleRef: ModuleRef, token: abstract new (...args: never[]) => T): T | undefined {
  try {
    return moduleRef.get(token, { strict: false });
  } catch {
    return undefined;
  }
}
