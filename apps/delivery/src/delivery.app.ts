import { MessagingRuntime } from '#messaging';
import { allowBrowserOrigins, bootstrapService, consumeOptionsFrom, limitRequests, loadLimitsFrom, setupOpenApi, shedLoad } from '#runtime';
import { loadDeliveryConfig } from './config.js';
import { migrateDeliveryStore } from './database/data-source.js';
import { DeliveryModule } from './delivery.module.js';

/** Starts the delivery service with settings from `env`: its tables are created and migrated first. */
export async function startDelivery(env: NodeJS.ProcessEnv = process.env) {
  const config = loadDeliveryConfig(env);
  await migrateDeliveryStore(config.DATABASE_URL);
  return bootstrapService({
    module: DeliveryModule.forRoot(config),
    port: config.PORT,
    trustProxy: config.TRUST_PROXY,
    idleTimeoutMs: config.REQUEST_IDLE_TIMEOUT_MS,
    configure: async (app) => {
      // The desk's Subscribers view (served by ingest) manages subscribers from the browser, with an admin key.
      allowBrowserOrigins(app, config.CORS_ORIGINS, ['GET', 'POST', 'PATCH', 'DELETE']);
      await shedLoad(app, loadLimitsFrom(config));
      await limitRequests(app);
      setupOpenApi({ title: 'Dépêche subscribers API', description: 'Signed push delivery of lifecycle events (Standard Webhooks), in ninjs or NewsML-G2.' })(
        app,
      );
    },
    // The routed copies: every lifecycle event under one subject tree, so one filter takes all four.
    transport: (app) => {
      const messaging = app.get(MessagingRuntime);
      return messaging.createServer(consumeOptionsFrom(config, messaging.subjects.routedFilter()));
    },
  });
}
