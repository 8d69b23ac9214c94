import type { INestApplication } from '@nestjs/common';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import type { FastifyInstance } from 'fastify';
import { JetStreamServer } from '#messaging';
import { instrumentHttp } from './http-instrumentation.js';
import { Observability } from './observability.js';

/**
 * Attaches metrics and tracing to a service's HTTP server and JetStream
 * consumer; does nothing for a module without ObservabilityModule. Call before
 * the app initialises (Fastify takes hooks only until it is ready).
 */
export function instrumentService(app: INestApplication, transport?: CustomTransportStrategy): void {
  const observability = observabilityOf(app);
  if (!observability) return;
  instrumentHttp(app.getHttpAdapter().getInstance() as FastifyInstance, observability.tracer, observability.http);
  if (transport instanceof JetStreamServer) {
    transport.metrics = observability.consumer;
    transport.tracing = observability.messageTracing;
  }
}

function observabilityOf(app: INestApplication): Observability | undefined {
  try {
    return app.get(Observability, { strict: false });
  } catch {
    return undefined;
  }
}
