import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Tracer } from '@opentelemetry/api';
import type { Registry } from 'prom-client';
import { JetStreamConsumerMetrics } from './metrics/consumer-metrics.js';
import { HttpMetrics } from './metrics/http-metrics.js';
import { METRICS_REGISTRY, OBSERVABILITY_OPTIONS, type ObservabilityOptions } from './observability-options.js';
import { flushTraces, installTracing } from './tracing/tracer-provider.js';
import { JetStreamMessageTracing } from './tracing/message-tracing.js';

/** What bootstrap attaches to the HTTP server and the JetStream consumer of a service. */
@Injectable()
export class Observability implements OnApplicationShutdown {
  readonly tracer: Tracer;
  readonly http: HttpMetrics;
  readonly consumer: JetStreamConsumerMetrics;
  readonly messageTracing: JetStreamMessageTracing;

  constructor(@Inject(OBSERVABILITY_OPTIONS) options: ObservabilityOptions, @Inject(METRICS_REGISTRY) registry: Registry) {
    this.tracer = installTracing(options.service, options.otlpEndpoint);
    this.http = new HttpMetrics(registry);
    this.consumer = new JetStreamConsumerMetrics(registry);
    this.messageTracing = new JetStreamMessageTracing(this.tracer);
  }

  /** Runs after the consumer has stopped and the last spans have ended. */
  async onApplicationShutdown(): Promise<void> {
    await flushTraces();
  }
}
