import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { randomBytes } from 'node:crypto';
import { streamNames, subjectsFor, type ServiceName } from '#contracts';
import { freePort, killService, START_ORDER, startService, stopService, type RunningService } from './services.js';
import type { PostgresCluster } from './fault-infra.js';

/** A single server or a cluster: the services get its URL(s), comma-separated. */
export interface NatsEndpoint {
  readonly url: string;
}

/** The settings that make recovery quick in a test: short retry delays and a short ack wait after a kill -9. */
const FAULT_ENV = {
  LOG_LEVEL: 'warn',
  CONSUMER_RETRY_BASE_MS: '200',
  CONSUMER_RETRY_MAX_MS: '2000',
  // A SIGKILLed instance's in-flight messages come back after this long.
  CONSUMER_ACK_WAIT_MS: '10000',
  // 15 s of Postgres down at up to 2 s per retry stays far below this.
  CONSUMER_MAX_DELIVERIES: '100',
  FEED_ALLOW_PRIVATE_NETWORKS: 'false',
};

/** Ingest refuses requests without a key once it is configured with DEPECHE_API_KEYS (name:secret:scopes). */
export const API_KEY = `faults-${randomBytes(16).toString('hex')}`;

/** How many instances of the consuming services a scenario runs (ingest is always one). */
export interface InstanceCounts {
  enrichment: number;
  publishing: number;
}

/**
 * The three services from the production build, each instance its own
 * process, on a namespace and database of their own in the suite's NATS and
 * Postgres. Instances are named `ingest`, `enrichment#1`, `publishing#2`…
 */
export class FaultPipeline {
  readonly services = new Map<string, RunningService>();
  readonly namespace = `f${randomBytes(4).toString('hex')}`;
  readonly database = `depeche_${this.namespace}`;
  private readonly ports = new Map<string, number>();

  constructor(
    private readonly nats: NatsEndpoint,
    private readonly postgres: PostgresCluster,
    /** More settings for every service, e.g. STREAM_REPLICAS for a cluster. */
    private readonly extraEnv: NodeJS.ProcessEnv = {},
  ) {}

  get ingestUrl(): string {
    return `http://127.0.0.1:${this.services.get('ingest')!.port}`;
  }

  env(): NodeJS.ProcessEnv {
    return {
      ...FAULT_ENV,
      NATS_URL: this.nats.url,
      NATS_NAMESPACE: this.namespace,
      DATABASE_URL: this.postgres.url(this.database),
      DEPECHE_API_KEYS: `faults:${API_KEY}:submit`,
      RATE_LIMIT_PER_MINUTE: '1000000',
      ...this.extraEnv,
    };
  }

  async start(counts: InstanceCounts): Promise<void> {
    const instances: Record<ServiceName, number> = { ...counts, ingest: 1 };
    const names = START_ORDER.flatMap((service) =>
      service === 'ingest' ? [service] : Array.from({ length: instances[service] }, (_, i) => `${service}#${i + 1}`),
    );
    for (const name of names) await this.startInstance(name);
  }

  async startInstance(name: string): Promise<RunningService> {
    const service = name.split('#')[0] as ServiceName;
    let port = this.ports.get(name);
    if (port === undefined) {
      port = await freePort();
      this.ports.set(name, port);
    }
    const running = await startService(service, port, this.env(), { output: 'capture', readyTimeoutMs: 90_000 });
    this.services.set(name, running);
    return running;
  }

  /** kill -9 of one instance. */
  async kill(name: string): Promise<void> {
    await killService(this.services.get(name)!);
  }

  /** What an instance wrote that looks like trouble (its last captured lines). */
  troubles(name: string): string[] {
    return (this.services.get(name)?.logs ?? [])
      .filter((line) => /"level":(50|60)|error|dead-letter/i.test(line))
      .map((line) => (line.length > 400 ? `${line.slice(0, 400)}…` : line));
  }

  async stop(): Promise<void> {
    await Promise.all([...this.services.values()].map((service) => stopService(service).catch(() => undefined)));
  }
}

export interface PublishedEvent {
  seq: number;
  eventId: string;
  articleId: string;
}

/**
 * Every `published` event of the namespace kept in the events stream, read with an ordered consumer.
 * Reads until it holds as many as the stream counts: just after a leader change or a healed
 * partition a fetch may come back empty while the ordered consumer resets, which is not the end.
 */
export async function readPublished(nc: NatsConnection, namespace: string, timeoutMs = 60_000): Promise<PublishedEvent[]> {
  const stream = streamNames(namespace).events;
  const subject = subjectsFor(namespace).lifecycle.published;
  const jsm = await jetstreamManager(nc);
  const expected = await subjectCount(jsm, stream, subject);
  const bySeq = new Map<number, PublishedEvent>();
  if (expected === 0) return [];
  // Up to three readers, each from the start: a reader created while a node rejoins after a
  // partition can stop short of the stream's end. Events are kept by sequence, so a message read
  // twice counts once, and a message that is not in the stream is missing from every reader.
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; attempt < 3 && bySeq.size < expected && Date.now() < deadline; attempt++) {
    await readInto(bySeq, nc, stream, subject, expected, Math.min(deadline, Date.now() + timeoutMs / 3));
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

async function readInto(
  bySeq: Map<number, PublishedEvent>,
  nc: NatsConnection,
  stream: string,
  subject: string,
  expected: number,
  until: number,
): Promise<void> {
  const consumer = await jetstream(nc).consumers.get(stream, { filter_subjects: subject });
  const decoder = new TextDecoder();
  try {
    while (bySeq.size < expected && Date.now() < until) {
      const batch = await consumer.fetch({ max_messages: 1000, expires: 2000 }).catch(() => undefined);
      if (!batch) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        continue;
      }
      for await (const msg of batch) {
        const envelope = JSON.parse(decoder.decode(msg.data)) as { id: string; data: { article: { id: string } } };
        bySeq.set(msg.seq, { seq: msg.seq, eventId: envelope.id, articleId: envelope.data.article.id });
        if (msg.info.pending === 0) break;
      }
    }
  } finally {
    await consumer.delete().catch(() => undefined);
  }
}

async function subjectCount(jsm: JetStreamManager, stream: string, subject: string): Promise<number> {
  const info = await jsm.streams.info(stream, { subjects_filter: subject });
  return (info.state.subjects as Record<string, number> | undefined)?.[subject] ?? 0;
}

export interface ScenarioCounts {
  scenario: string;
  accepted: number;
  rows: number;
  publishedEvents: number;
  uniqueEventIds: number;
  duplicateEvents: number;
  duplicateArticles: number;
  stuck: number;
  unexpected: number;
  deadLetters: number;
  /** Accepted articles whose status at ingest (GET /v1/articles/:id/status) is not `published`. */
  statusNotPublished: number;
  statuses: Record<string, number>;
  retriedPosts: number;
  duplicateReceipts: number;
  settleMs: number;
  elapsedMs: number;
  notes: string[];
}

/**
 * Waits (bounded) until every accepted article has its row and its published
 * event and the outbox is empty, then counts: rows for the accepted ids,
 * published events, duplicates by event id and by article id, accepted
 * articles never published (stuck), published articles never accepted.
 */
export async function settleAndCount(
  nats: NatsEndpoint,
  postgres: PostgresCluster,
  pipeline: FaultPipeline,
  accepted: string[],
  timeoutMs = 120_000,
  stallMs = 45_000,
): Promise<Omit<ScenarioCounts, 'scenario' | 'retriedPosts' | 'duplicateReceipts' | 'elapsedMs' | 'notes'>> {
  const nc = await connect({ servers: nats.url.split(','), name: `faults-check-${pipeline.namespace}`, maxReconnectAttempts: -1 });
  try {
    const jsm = await jetstreamManager(nc);
    const stream = streamNames(pipeline.namespace).events;
    const subject = subjectsFor(pipeline.namespace).lifecycle.published;
    const started = Date.now();
    const countRows = async () =>
      Number((await postgres.query<{ n: string }>(pipeline.database, 'SELECT count(*) AS n FROM articles WHERE id = ANY($1::uuid[])', [accepted]))[0]!.n);
    const pendingOutbox = async () => Number((await postgres.query<{ n: string }>(pipeline.database, 'SELECT count(*) AS n FROM outbox'))[0]!.n);
    let progress = '';
    let progressAt = started;
    for (;;) {
      const [rows, published, outbox] = await Promise.all([
        countRows().catch(() => -1),
        subjectCount(jsm, stream, subject).catch(() => -1),
        pendingOutbox().catch(() => -1),
      ]);
      if (rows === accepted.length && published >= accepted.length && outbox === 0) break;
      const now = Date.now();
      if (now - started > timeoutMs) break;
      // Nothing moved for longer than any retry or ack wait of the services: it will not settle.
      if (`${rows}/${published}/${outbox}` !== progress) [progress, progressAt] = [`${rows}/${published}/${outbox}`, now];
      else if (now - progressAt > stallMs) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const settleMs = Date.now() - started;
    // Anything still on its way (a redelivery after an ack wait) would show up as a duplicate now.
    await new Promise((resolve) => setTimeout(resolve, 2000));

    const events = await readPublished(nc, pipeline.namespace);
    const acceptedIds = new Set(accepted);
    const eventIds = new Set(events.map((e) => e.eventId));
    const eventsPerArticle = new Map<string, Set<string>>();
    for (const event of events) {
      const ids = eventsPerArticle.get(event.articleId) ?? new Set<string>();
      ids.add(event.eventId);
      eventsPerArticle.set(event.articleId, ids);
    }
    const deadLetters = await jsm.streams.info(streamNames(pipeline.namespace).deadLetters).then(
      (info) => info.state.messages,
      () => 0,
    );
    const statuses = await statusesOf(pipeline, accepted);
    return {
      statusNotPublished: accepted.length - (statuses.get('published') ?? 0),
      statuses: Object.fromEntries(statuses),
      accepted: accepted.length,
      rows: await countRows(),
      publishedEvents: events.length,
      uniqueEventIds: eventIds.size,
      duplicateEvents: events.length - eventIds.size,
      duplicateArticles: [...eventsPerArticle.values()].filter((ids) => ids.size > 1).length,
      stuck: accepted.filter((id) => !eventsPerArticle.has(id)).length,
      unexpected: [...eventsPerArticle.keys()].filter((id) => !acceptedIds.has(id)).length,
      deadLetters,
      settleMs,
    };
  } finally {
    await nc.close();
  }
}

/** What ingest's status endpoint says of each accepted article, counted by status. */
async function statusesOf(pipeline: FaultPipeline, ids: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < ids.length; i = next++) {
      const status = await fetch(`${pipeline.ingestUrl}/v1/articles/${ids[i]}/status`, { headers: { authorization: `Bearer ${API_KEY}` } })
        .then(async (r) => (r.ok ? ((await r.json()) as { status: string }).status : `http ${r.status}`))
        .catch(() => 'unreachable');
      counts.set(status, (counts.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return counts;
}

/** Counts from the publishing instances' /metrics: enriched events each one handled and acked. */
export async function handledPerInstance(pipeline: FaultPipeline, prefix: string): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const [name, service] of pipeline.services) {
    if (!name.startsWith(prefix)) continue;
    const text = await fetch(`http://127.0.0.1:${service.port}/metrics`).then(
      (r) => (r.ok ? r.text() : ''),
      () => '',
    );
    result[name] = text
      .split('\n')
      .filter((line) => line.startsWith('depeche_events_processed_total'))
      .reduce((sum, line) => sum + Number(line.split(/\s+/).pop()), 0);
  }
  return result;
}

const COLUMNS: Array<[keyof ScenarioCounts, string]> = [
  ['scenario', 'scenario'],
  ['accepted', 'accepted'],
  ['rows', 'rows'],
  ['publishedEvents', 'published'],
  ['uniqueEventIds', 'unique ids'],
  ['duplicateEvents', 'dup events'],
  ['duplicateArticles', 'dup articles'],
  ['stuck', 'stuck'],
  ['unexpected', 'unexpected'],
  ['deadLetters', 'dead letters'],
  ['statusNotPublished', 'status≠published'],
  ['retriedPosts', 'retried POSTs'],
  ['settleMs', 'settle s'],
  ['elapsedMs', 'elapsed s'],
];

/** A plain-text table of scenario counts (times in seconds). */
export function formatTable(rows: ScenarioCounts[]): string {
  const cell = (row: ScenarioCounts, key: keyof ScenarioCounts) => {
    const value = row[key];
    return key.endsWith('Ms') ? ((value as number) / 1000).toFixed(1) : String(value);
  };
  const widths = COLUMNS.map(([key, title]) => Math.max(title.length, ...rows.map((row) => cell(row, key).length)));
  const line = (values: string[]) => values.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  return [line(COLUMNS.map(([, title]) => title)), ...rows.map((row) => line(COLUMNS.map(([key]) => cell(row, key))))].join('\n');
}
