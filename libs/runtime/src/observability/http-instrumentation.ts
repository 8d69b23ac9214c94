import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span, type Tracer } from '@opentelemetry/api';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { debugLog } from './debug-log.js';
import type { HttpMetrics } from './metrics/http-metrics.js';

declare module 'fastify' {
  interface FastifyRequest {
    otelSpan: Span | null;
  }
}

/**
 * A server span and metrics for every HTTP request. The span starts from the
 * caller's `traceparent`, if any, and is made current in preHandler: Fastify
 * calls the route handler synchronously from the last preHandler, so the
 * handler and everything it awaits (the events it publishes) run inside it.
 */
export function instrumentHttp(fastify: FastifyInstance, tracer: Tracer, metrics: HttpMetrics): void {
  fastify.decorateRequest('otelSpan', null);
  fastify.addHook('onRequest', (request, _reply, done) => {
    const parent = propagation.extract(ROOT_CONTEXT, request.headers);
    request.otelSpan = tracer.startSpan(`${request.method} ${routeOf(request)}`, { kind: SpanKind.SERVER }, parent);
    done();
  });
  fastify.addHook('preHandler', (request, _reply, done) => {
    if (!request.otelSpan) return done();
    context.with(trace.setSpan(ROOT_CONTEXT, request.otelSpan), done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = routeOf(request);
    metrics.record(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    endSpan(request, reply, route);
    done();
  });
}

function routeOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? 'unmatched';
}

function endSpan(request: FastifyRequest, reply: FastifyReply, route: string): void {
  const span = request.otelSpan;
  if (!span) return;
  if (span.isRecording()) {
    span.setAttributes({ 'http.request.method': request.method, 'http.route': route, 'http.response.status_code': reply.statusCode });
    if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  }
  span.end();
  const { traceId, spanId } = span.spanContext();
  debugLog()?.debug(
    {
      method: request.method,
      route,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 100) / 100,
      correlationId: request.headers['x-correlation-id'] ?? request.id,
      trace_id: traceId,
      span_id: spanId,
    },
    'request completed',
  );
}
