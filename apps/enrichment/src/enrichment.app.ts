import { MessagingRuntime } from '#messaging';
import { bootstrapService, consumeOptionsFrom } from '#runtime';
import { loadEnrichmentConfig } from './config.js';
import { EnrichmentModule } from './enrichment.module.js';

/** Starts the enrichment service with settings from `env`. */
export function startEnrichment(env: NodeJS.ProcessEnv = process.env) {
  const config = loadEnrichmentConfig(env);
  return bootstrapService({
    module: EnrichmentModule.forRoot(config),
    port: config.PORT,
    transport: (app) => {
      const messaging = app.get(MessagingRuntime);
      return messaging.createServer(consumeOptionsFrom(config, messaging.subjects.ingested));
    },
  });
}
