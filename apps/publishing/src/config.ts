import { consumerSettings, loadConfig, natsSettings, setting, streamSettings } from '#runtime';

export const publishingConfigSchema = {
  PORT: setting.int('HTTP port of the read API (0: any free port)', 3002, 0, 65535),
  DATABASE_URL: setting.url('PostgreSQL URL of the publication store (created if missing)', 'postgres://postgres@127.0.0.1:5432/depeche', ['postgres', 'postgresql']),
  DATABASE_POOL_SIZE: setting.int('connections in the Postgres pool', 10, 1, 200),
  OUTBOX_BATCH_SIZE: setting.int('outbox rows the relay publishes per round', 100, 1, 10_000),
  EMBARGO_POLL_MS: setting.int('how often due embargoes are looked for, in ms', 1000, 50, 3_600_000),
  ...natsSettings,
  ...streamSettings,
  ...consumerSettings,
};

export type PublishingConfig = ReturnType<typeof loadPublishingConfig>;
export const loadPublishingConfig = (env = process.env) => loadConfig(publishingConfigSchema, env);
