import { accessSettings, consumerSettings, loadConfig, loadSheddingSettings, natsSettings, setting, streamSettings } from '#runtime';

export const deliveryConfigSchema = {
  PORT: setting.int('HTTP port of the subscribers API (0: any free port)', 3003, 0, 65535),
  DATABASE_URL: setting.url(
    'PostgreSQL URL of the database that holds subscribers and their deliveries (created if missing)',
    'postgres://postgres@127.0.0.1:5432/depeche',
    ['postgres', 'postgresql'],
  ),
  DATABASE_POOL_SIZE: setting.int('connections in the Postgres pool', 5, 1, 200),
  PUBLICATION_NAME: setting.string('name of the publication: the provider of NewsML-G2 items', 'Dépêche'),
  SUBSCRIBER_ALLOW_PRIVATE_NETWORKS: setting.oneOf(
    'whether subscriber endpoints may be private or loopback addresses (tests, a closed network); false: global unicast only',
    'false',
    ['true', 'false'] as const,
  ),
  DELIVERY_TIMEOUT_MS: setting.int('the most one delivery may take, connecting to the last byte of the answer', 10_000, 100, 120_000),
  DELIVERY_MAX_RESPONSE_BYTES: setting.int('the most of a receiver’s answer that is read', 65_536, 1024, 10_485_760),
  DELIVERY_CONCURRENCY: setting.int('deliveries in flight at once, all subscribers together (per instance)', 32, 1, 1000),
  DELIVERY_PER_SUBSCRIBER: setting.int('deliveries in flight at once to one subscriber (per instance)', 4, 1, 100),
  DELIVERY_POLL_MS: setting.int('how often due deliveries are looked for when nothing new arrived, in ms', 500, 20, 60_000),
  DELIVERY_RETRY_BASE_MS: setting.int('first retry delay after a failed delivery, doubled each time, with jitter', 1000, 10, 3_600_000),
  DELIVERY_RETRY_MAX_MS: setting.int('longest retry delay', 600_000, 10, 86_400_000),
  DELIVERY_MAX_AGE_MINUTES: setting.int('how long an event is retried before it is given up (dead-lettered for that subscriber)', 1440, 1, 43_200),
  DELIVERY_LOG_RETENTION_HOURS: setting.int(
    'how long a delivery made or given up stays in the log (and its event, once nothing is owed for it); pending ones stay',
    720,
    1,
    87_600,
  ),
  DELIVERY_PAUSE_AFTER_FAILURES: setting.int('consecutive failed attempts after which a subscriber is paused', 50, 1, 100_000),
  CORS_ORIGINS: setting.string(
    'origins whose pages may call the subscribers API from a browser (the desk): comma-separated, * for any, empty for none; every call still needs an admin key',
    '*',
  ),
  DEPECHE_API_KEYS: setting.apiKeys('API keys of the subscribers API (admin scope), name:secret:scopes,… as ingest takes them'),
  ...accessSettings,
  ...loadSheddingSettings,
  ...natsSettings,
  ...streamSettings,
  ...consumerSettings,
};

export type DeliveryConfig = ReturnType<typeof loadDeliveryConfig>;
export const loadDeliveryConfig = (env = process.env) => loadConfig(deliveryConfigSchema, env);
