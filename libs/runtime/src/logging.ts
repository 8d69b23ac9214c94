import { LoggerModule } from 'nestjs-pino';
import { currentCorrelation } from '#messaging';

/** JSON logs (pino), every line with the correlation id of the event or request in hand; secrets redacted. */
export function loggingModule(service: string, level: string) {
  return LoggerModule.forRoot({
    pinoHttp: {
      level,
      base: { service },
      autoLogging: false,
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.apiKey'], censor: '[redacted]' },
      mixin: () => currentCorrelation() ?? {},
      customProps: (req) => ({ correlationId: req.headers['x-correlation-id'] ?? req.id }),
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({ id: req.id, method: req.method, url: req.url }),
      },
    },
  });
}
