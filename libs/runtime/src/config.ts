import { parseApiKeys, type ApiKey } from './auth/api-keys.js';

/**
 * Settings from the environment, declared once per service with defaults and
 * validated at start: a bad value stops the service with a message that names
 * the variable, what it expects and what it got.
 */
export interface Setting<T> {
  describe: string;
  default?: T;
  /** Secrets are never echoed back in errors or logs. */
  secret?: boolean;
  parse(raw: string): T;
}

/** One line, so a service that refuses to start says why in the single line an operator reads first. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

type Values<S extends Record<string, Setting<unknown>>> = { [K in keyof S]: S[K] extends Setting<infer T> ? T : never };

export function loadConfig<S extends Record<string, Setting<unknown>>>(schema: S, env: NodeJS.ProcessEnv = process.env): Values<S> {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [name, setting] of Object.entries(schema)) {
    const raw = env[name];
    if (raw === undefined || raw === '') {
      if (setting.default === undefined) problems.push(`${name} is required: ${setting.describe}`);
      values[name] = setting.default;
      continue;
    }
    try {
      values[name] = setting.parse(raw);
    } catch (error) {
      const shown = setting.secret ? '(hidden)' : JSON.stringify(raw);
      problems.push(`${name}=${shown} is invalid: ${(error as Error).message}`);
    }
  }
  if (problems.length) throw new ConfigError(problems);
  return values as Values<S>;
}

export const setting = {
  string: (describe: string, fallback?: string, secret = false): Setting<string> => ({ describe, default: fallback, secret, parse: (raw) => raw }),
  int: (describe: string, fallback: number | undefined, min: number, max: number): Setting<number> => ({
    describe,
    default: fallback,
    parse(raw) {
      const value = Number(raw);
      if (!Number.isInteger(value) || value < min || value > max) throw new Error(`expected an integer from ${min} to ${max}`);
      return value;
    },
  }),
  url: (describe: string, fallback: string, protocols: string[]): Setting<string> => ({
    describe,
    default: fallback,
    parse(raw) {
      for (const part of raw.split(',')) {
        let url: URL;
        try {
          url = new URL(part);
        } catch {
          throw new Error(`expected a URL (${protocols.join(', ')})`);
        }
        if (!protocols.includes(url.protocol.replace(/:$/, ''))) throw new Error(`expected a ${protocols.join(' or ')} URL`);
      }
      return raw;
    },
  }),
  oneOf: <T extends string>(describe: string, fallback: T, choices: readonly T[]): Setting<T> => ({
    describe,
    default: fallback,
    parse(raw) {
      if (!choices.includes(raw as T)) throw new Error(`expected one of ${choices.join(', ')}`);
      return raw as T;
    },
  }),
  /** DEPECHE_API_KEYS: `name:secret:scope+scope`, comma-separated; kept as digests only. */
  apiKeys: (describe: string, fallback?: ApiKey[]): Setting<ApiKey[]> => ({ describe, default: fallback, secret: true, parse: parseApiKeys }),
  name: (describe: string, fallback: string): Setting<string> => ({
    describe,
    default: fallback,
    parse(raw) {
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(raw)) throw new Error('expected letters, digits, - or _ (at most 32)');
      return raw;
    },
  }),
};

/** Metrics and tracing, the same for every service. */
export const observabilitySettings = {
  OTEL_EXPORTER_OTLP_ENDPOINT: setting.url(
    'OTLP/HTTP collector base URL spans are exported to, e.g. http://otel-collector:4318 (empty: no export; trace ids are still propagated and logged)',
    '',
    ['http', 'https'],
  ),
  CONSUMER_LAG_POLL_MS: setting.int('how often JetStream consumer lag and stream sizes are polled for /metrics', 5000, 500, 3_600_000),
};

export const accessSettings = {
  TRUST_PROXY: setting.string(
    "proxies whose X-Forwarded-For names the client: comma-separated addresses or CIDRs (the load balancer's network); empty: none, the socket's address is the client",
    '',
  ),
  RATE_LIMIT_PER_MINUTE: setting.int('requests a minute allowed per API key (per instance)', 600, 1, 1_000_000),
  UNAUTHENTICATED_RATE_LIMIT_PER_MINUTE: setting.int(
    'requests a minute without a valid API key allowed per client address (per instance; 429 beyond)',
    60,
    1,
    1_000_000,
  ),
};

/** How an HTTP API protects itself from more than it can take (ingest's and publishing's). */
export const loadSheddingSettings = {
  LOAD_SHEDDING_MAX_EVENT_LOOP_DELAY_MS: setting.int(
    'mean event-loop delay over a sample beyond which requests get 503 with Retry-After (0: never)',
    1000,
    0,
    60_000,
  ),
  LOAD_SHEDDING_MAX_EVENT_LOOP_UTILIZATION_PERCENT: setting.int(
    'event-loop utilisation over a sample beyond which requests get 503 with Retry-After (0: never; a busy but healthy instance reaches 90+)',
    0,
    0,
    100,
  ),
  LOAD_SHEDDING_SAMPLE_MS: setting.int('how often the event loop is sampled for load shedding', 500, 10, 10_000),
  REQUEST_IDLE_TIMEOUT_MS: setting.int(
    'a connection on which nothing arrives for this long is closed: a request held open by a client that stopped sending cannot keep its socket',
    30_000,
    1000,
    600_000,
  ),
};

/** Settings every service shares: where NATS is, the subject namespace, logs, metrics and traces. */
export const natsSettings = {
  NATS_URL: setting.url('NATS server URL(s), comma-separated', 'nats://127.0.0.1:4222', ['nats', 'tls', 'ws', 'wss']),
  NATS_USER: setting.string('NATS user of this service (empty: no auth)', ''),
  NATS_PASSWORD: setting.string('NATS password of this service', '', true),
  NATS_NAMESPACE: setting.name('first token of every subject and prefix of stream names', 'news'),
  LOG_LEVEL: setting.oneOf('log level (debug: one line per request and per message handled)', 'info', [
    'fatal',
    'error',
    'warn',
    'info',
    'debug',
    'trace',
    'silent',
  ] as const),
  LOG_FORMAT: setting.oneOf('log lines: json, pretty (coloured, for a person), or auto (pretty when stdout is a terminal)', 'auto', [
    'auto',
    'json',
    'pretty',
  ] as const),
  ...observabilitySettings,
};

export const streamSettings = {
  STREAM_MAX_AGE_HOURS: setting.int('how long events stay in the stream for replay', 24 * 30, 1, 24 * 3650),
  STREAM_MAX_BYTES: setting.int('size cap of the events stream in bytes (-1: none)', -1, -1, Number.MAX_SAFE_INTEGER),
  STREAM_REPLICAS: setting.int('JetStream replicas (3 in a NATS cluster)', 1, 1, 5),
};

export const consumerSettings = {
  CONSUMER_CONCURRENCY: setting.int('messages handled at once per instance', 32, 1, 1024),
  CONSUMER_MAX_DELIVERIES: setting.int(
    'deliveries before a transiently failing message is dead-lettered (100 at the default delays: about 48 minutes)',
    100,
    1,
    10_000,
  ),
  CONSUMER_RETRY_BASE_MS: setting.int('first retry delay after a transient failure', 250, 1, 600_000),
  CONSUMER_RETRY_MAX_MS: setting.int('longest retry delay', 30_000, 1, 3_600_000),
  CONSUMER_ACK_WAIT_MS: setting.int(
    "time without an ack or heartbeat before JetStream redelivers a message (how soon a dead instance's messages come back)",
    10_000,
    1000,
    3_600_000,
  ),
  CONSUMER_MAX_HANDLING_MS: setting.int('longest a held message is kept alive with heartbeats before it is let go for redelivery', 300_000, 1000, 86_400_000),
};
