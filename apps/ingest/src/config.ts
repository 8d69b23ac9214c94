import { accessSettings, loadSheddingSettings, loadConfig, natsSettings, setting, streamSettings } from '#runtime';

export const ingestConfigSchema = {
  PORT: setting.int('HTTP port of the ingest API (0: any free port)', 3000, 0, 65535),
  DEPECHE_API_KEYS: setting.apiKeys(
    "API keys of the ingest API: name:secret:scope+scope[:newsroom], comma-separated (scopes: submit, wire, correct, kill, admin; a submit key changes only its newsroom's stories, the key name when no newsroom is given)",
  ),
  ...accessSettings,
  ...loadSheddingSettings,
  MAX_BODY_BYTES: setting.int('largest request body accepted (413 beyond)', 5 * 1024 * 1024, 1024, 512 * 1024 * 1024),
  FEED_MIN_INTERVAL_SECONDS: setting.int('shortest poll interval a feed may be registered with', 60, 1, 86_400),
  FEED_ALLOW_PRIVATE_NETWORKS: setting.oneOf('let feeds point to private, loopback and link-local addresses', 'false', ['true', 'false'] as const),
  FEED_TIMEOUT_MS: setting.int('how long a feed poll may take', 10_000, 100, 120_000),
  FEED_MAX_BYTES: setting.int('largest feed document fetched', 5 * 1024 * 1024, 1024, 100 * 1024 * 1024),
  WIRE_MAX_ITEMS: setting.int(
    'most items one wire document or feed poll may carry (feed entries, captured messages, a ninjs batch); more is refused whole with 413',
    1000,
    1,
    100_000,
  ),
  WIRE_KILL_TOMBSTONE_HOURS: setting.int(
    'how long a cancel notice for a story not yet received keeps that story from being published (at least the stream age)',
    24 * 30,
    1,
    24 * 3650,
  ),
  WIRE_LOG_RETENTION_HOURS: setting.int('how long the intake log (GET /v1/wire/items) keeps a line', 24 * 7, 1, 24 * 365),
  WIRE_LOG_MAX_ITEMS: setting.int(
    'most lines the intake log keeps (the oldest go first); each ingest instance holds them in memory, about 0.5 KB each',
    100_000,
    100,
    2_000_000,
  ),
  DESK_READ_API_URL: setting.url(
    "where the desk page (/desk) reaches the read API, e.g. https://read.example.com (empty: the page's own host, port 3002)",
    '',
    ['http', 'https'],
  ),
  DESK_SUBSCRIBERS_API_URL: setting.url(
    "where the desk page reaches the subscribers API (delivery), e.g. https://subscribers.example.com (empty: the page's own host, port 3003)",
    '',
    ['http', 'https'],
  ),
  ...natsSettings,
  ...streamSettings,
};

export type IngestConfig = ReturnType<typeof loadIngestConfig>;
export const loadIngestConfig = (env = process.env) => loadConfig(ingestConfigSchema, env);
