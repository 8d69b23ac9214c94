import { context, propagation, trace, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { AlwaysOffSampler, AlwaysOnSampler, BatchSpanProcessor, ParentBasedSampler, TracerProvider } from '@opentelemetry/sdk-trace';

let provider: TracerProvider | undefined;

/**
 * Installs the process-wide tracer (once: several services in one test process
 * share it). Without an endpoint nothing is recorded, but spans still get ids,
 * so `traceparent` flows through NATS and every log line can be joined up; an
 * unrecorded span costs about as much as generating its id.
 */
export function installTracing(service: string, endpoint: string): Tracer {
  if (!provider) {
    provider = new TracerProvider({
      resource: resourceFromAttributes({ 'service.name': `depeche-${service}`, 'service.namespace': 'depeche' }),
      sampler: endpoint ? new ParentBasedSampler({ root: new AlwaysOnSampler() }) : new AlwaysOffSampler(),
      spanProcessors: endpoint ? [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` }) })] : [],
    });
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(provider);
  }
  return provider.getTracer(`depeche-${service}`);
}

/** Sends the spans still queued; called on shutdown, after the last message was handled. */
export async function flushTraces(): Promise<void> {
  await provider?.forceFlush();
}
