import { context, trace } from '@opentelemetry/api';
import { LoggerModule } from 'nestjs-pino';
import { currentCorrelation } from '#messaging';

/**
 * JSON logs (pino), every line with the correlation id of the event or request
 * in hand and the trace and span ids of its span; secrets redacted.
 */
export function loggingModule(service: string, level: string) {
  return LoggerModule.forRoot({
    pinoHttp: {
      level,
      base: { service },
      autoLogging: false,
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.apiKey', '*.NATS_PASSWORD', '*.DATABASE_URL'], censor: '[redacted]' },
      mixin: logContext,
      customProps: (req) => ({ correlationId: req.headers['x-correlation-id'] ?? req.id }),
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({ id: req.id, method: req.method, url: req.url }),
      },
    },
  });
}

function logContext(): object {
  const correlation = currentCorrelation();
  const span = trace.getSpan(context.active());
  if (!span) return correlation ?? {};
  const { traceId, spanId } = span.spanContext();
  return { ...correlation, trace_id: traceId, span_id: spanId };
}
