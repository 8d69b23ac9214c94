import { MessagingRuntime } from '#messaging';
import { allowBrowserOrigins, bootstrapService, consumeOptionsFrom, limitRequests, loadLimitsFrom, setupOpenApi, shedLoad } from '#runtime';
import { loadPublishingConfig } from './config.js';
import { migratePublishingStore } from './database/data-source.js';
import { PublishingModule } from './publishing.module.js';

/** Starts the publishing service with settings from `env`; the store is created and migrated first. */
export async function startPublishing(env: NodeJS.ProcessEnv = process.env) {
  const config = loadPublishingConfig(env);
  await migratePublishingStore(config.DATABASE_URL);
  return bootstrapService({
    module: PublishingModule.forRoot(config),
    port: config.PORT,
    trustProxy: config.TRUST_PROXY,
    idleTimeoutMs: config.REQUEST_IDLE_TIMEOUT_MS,
    configure: async (app) => {
      // The read API only reads.
      allowBrowserOrigins(app, config.CORS_ORIGINS, ['GET', 'HEAD']);
      await shedLoad(app, loadLimitsFrom(config));
      await limitRequests(app);
      setupOpenApi({ title: 'Dépêche read API', description: 'Published articles as ninjs 3.1, their revisions, search, and Atom / JSON feeds.' })(app);
    },
    transport: (app) => {
      const messaging = app.get(MessagingRuntime);
      return messaging.createServer(consumeOptionsFrom(config, messaging.subjects.enriched));
    },
  });
}
