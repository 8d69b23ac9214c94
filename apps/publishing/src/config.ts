import { accessSettings, loadSheddingSettings, ConfigError, consumerSettings, loadConfig, natsSettings, setting, streamSettings } from '#runtime';

export const publishingConfigSchema = {
  PORT: setting.int('HTTP port of the read API (0: any free port)', 3002, 0, 65535),
  DATABASE_URL: setting.url('PostgreSQL URL of the publication store (created if missing)', 'postgres://postgres@127.0.0.1:5432/depeche', [
    'postgres',
    'postgresql',
  ]),
  DATABASE_POOL_SIZE: setting.int('connections in the Postgres pool', 10, 1, 200),
  OUTBOX_BATCH_SIZE: setting.int('outbox rows the relay publishes per round', 100, 1, 10_000),
  PUBLIC_BASE_URL: setting.url(
    'public base URL of the read API, for the links in feeds, e.g. https://news.example.com (empty: taken from each request, Host header included)',
    '',
    ['http', 'https'],
  ),
  PUBLICATION_NAME: setting.string('name of the publication, in feed titles and as their generator', 'Dépêche'),
  FEED_AUTHOR: setting.string('author of feed entries without a byline (empty: the publication name)', ''),
  FEED_LANGUAGE: setting.string('language of a feed whose entries do not say theirs (BCP 47)', 'fr'),
  CORS_ORIGINS: setting.string('origins whose pages may call the read API from a browser (the desk): comma-separated, * for any, empty for none', '*'),
  READ_API_REQUIRES_KEY: setting.oneOf('whether the read API and feeds want an API key (any scope)', 'false', ['true', 'false'] as const),
  DEPECHE_API_KEYS: setting.apiKeys('API keys accepted by the read API when READ_API_REQUIRES_KEY=true (same format as ingest)', []),
  ...accessSettings,
  PUBLIC_RATE_LIMIT_PER_MINUTE: setting.int(
    'requests a minute to the public read API and feeds per client address (per instance; 429 beyond)',
    6000,
    1,
    1_000_000,
  ),
  ...loadSheddingSettings,
  EMBARGO_POLL_MS: setting.int('how often due embargoes are looked for, in ms', 1000, 50, 3_600_000),
  ...natsSettings,
  ...streamSettings,
  ...consumerSettings,
};

export type PublishingConfig = ReturnType<typeof loadPublishingConfig>;
export function loadPublishingConfig(env = process.env) {
  const config = loadConfig(publishingConfigSchema, env);
  if (config.READ_API_REQUIRES_KEY === 'true' && config.DEPECHE_API_KEYS.length === 0) {
    throw new ConfigError(['READ_API_REQUIRES_KEY=true needs DEPECHE_API_KEYS: with no key nobody could read']);
  }
  return config;
}
