import { MessagingRuntime } from '#messaging';
import { bootstrapService, consumeOptionsFrom, setupOpenApi } from '#runtime';
import { loadPublishingConfig } from './config.js';
import { migrateDatabase } from './database/ensure-database.js';
import { PublishingModule } from './publishing.module.js';

/** Starts the publishing service with settings from `env`; the store is created and migrated first. */
export async function startPublishing(env: NodeJS.ProcessEnv = process.env) {
  const config = loadPublishingConfig(env);
  await migrateDatabase(config.DATABASE_URL);
  return bootstrapService({
    module: PublishingModule.forRoot(config),
    port: config.PORT,
    configure: setupOpenApi({ title: 'Dépêche read API', description: 'Published articles as ninjs 3.1, their revisions, search, and Atom / JSON feeds.' }),
    transport: (app) => {
      const messaging = app.get(MessagingRuntime);
      return messaging.createServer(consumeOptionsFrom(config, messaging.subjects.enriched));
    },
  });
}
