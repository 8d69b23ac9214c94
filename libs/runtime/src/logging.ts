import { context, trace } from '@opentelemetry/api';
import { LoggerModule } from 'nestjs-pino';
import { currentCorrelation } from '#messaging';

export interface LogSettings {
  LOG_LEVEL: string;
  LOG_FORMAT: 'auto' | 'json' | 'pretty';
}

/**
 * JSON logs (pino), every line with the correlation id of the event or request
 * in hand and the trace and span ids of its span; secrets redacted. For a person
 * at a terminal (or LOG_FORMAT=pretty), the same records as coloured lines.
 */
export function loggingModule(service: string, { LOG_LEVEL, LOG_FORMAT }: LogSettings) {
  return LoggerModule.forRoot({
    pinoHttp: {
      level: LOG_LEVEL,
      transport: wantsPretty(LOG_FORMAT) ? prettyTransport : undefined,
      base: { service },
      autoLogging: false,
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.apiKey', '*.NATS_PASSWORD', '*.DATABASE_URL'],
        censor: '[redacted]',
      },
      mixin: logContext,
      customProps: (req) => ({ correlationId: req.headers['x-correlation-id'] ?? req.id }),
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({ id: req.id, method: req.method, url: req.url }),
      },
    },
  });
}

// pino-pretty is loaded by pino's transport worker only when chosen; machines keep the JSON lines.
const prettyTransport = {
  target: 'pino-pretty',
  options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service,context', messageFormat: '{if context}{context}: {end}{msg}' },
};

function wantsPretty(format: LogSettings['LOG_FORMAT']): boolean {
  return format === 'pretty' || (format === 'auto' && process.stdout.isTTY === true);
}

function logContext(): object {
  const correlation = currentCorrelation();
  const span = trace.getSpan(context.active());
  if (!span) return correlation ?? {};
  const { traceId, spanId } = span.spanContext();
  return { ...correlation, trace_id: traceId, span_id: spanId };
}
