import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { authenticateBeforeBody, bootstrapService, limitRequests, loadLimitsFrom, setupOpenApi, shedLoad } from '#runtime';
import { loadIngestConfig } from './config.js';
import { serveDesk } from './desk-assets.js';
import { IngestModule } from './ingest.module.js';

/** Starts the ingest service with settings from `env`. */
export function startIngest(env: NodeJS.ProcessEnv = process.env) {
  const config = loadIngestConfig(env);
  return bootstrapService({
    module: IngestModule.forRoot(config),
    port: config.PORT,
    bodyLimitBytes: config.MAX_BODY_BYTES,
    rawBody: true,
    trustProxy: config.TRUST_PROXY,
    idleTimeoutMs: config.REQUEST_IDLE_TIMEOUT_MS,
    configure: async (app) => {
      await shedLoad(app, loadLimitsFrom(config));
      await limitRequests(app);
      authenticateBeforeBody(app);
      acceptAnyDocument(app);
      setupOpenApi({
        title: 'Dépêche ingest API',
        description: 'Editors submit, update, correct and kill articles; wires deliver agency copy.',
        bearerAuth: true,
      })(app);
      await serveDesk(app, { readApiUrl: config.DESK_READ_API_URL, subscribersApiUrl: config.DESK_SUBSCRIBERS_API_URL });
    },
  });
}

/**
 * Agencies send XML, JSON, plain text and binary-framed wire under many media
 * types: keep whatever is not JSON or text as bytes; the wire parsers decide.
 */
function acceptAnyDocument(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const keepBytes = (_request: unknown, body: Buffer, done: (error: null, body: Buffer) => void) => done(null, body);
  // Fastify would decode text/plain as UTF-8 and lose undeclared Latin-1 bytes: the wire decoder reads them instead.
  fastify.removeContentTypeParser('text/plain');
  fastify.addContentTypeParser('text/plain', { parseAs: 'buffer' }, keepBytes);
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, keepBytes);
}
