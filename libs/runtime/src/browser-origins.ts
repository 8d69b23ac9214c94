import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Lets pages served elsewhere (the desk, on ingest) call this service's API from a browser. The keys are
 * bearer tokens the page sends itself, never cookies, so a browser holds no ambient credential an
 * allowed origin could borrow: `*` is safe wherever the API checks a key, and the default.
 */
export function allowBrowserOrigins(app: NestFastifyApplication, origins: string, methods: readonly string[]): void {
  const list = origins
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  if (!list.length) return;
  app.enableCors({
    origin: list.includes('*') ? '*' : list,
    methods: [...methods],
    allowedHeaders: ['authorization', 'content-type', 'x-correlation-id'],
    maxAge: 600,
  });
}
