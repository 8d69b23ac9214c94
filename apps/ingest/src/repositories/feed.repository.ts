import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { Kvm, type KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import { Type, type Static } from 'typebox';
import { bucketNames } from '#contracts';
import type { WireOutcome } from '../dtos/intake-receipt.dto.js';

const Counts = Type.Object({
  new: Type.Integer(),
  updated: Type.Integer(),
  duplicate: Type.Integer(),
  killed: Type.Integer(),
  stale: Type.Integer(),
  rejected: Type.Integer(),
});

/** A registered feed and its poll state; the schema documents GET /v1/feeds. */
export const FeedRecordSchema = Type.Object({
  id: Type.String(),
  url: Type.String(),
  intervalSeconds: Type.Integer(),
  /** The source name items are deduplicated and published under. */
  source: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  etag: Type.Optional(Type.String()),
  lastModified: Type.Optional(Type.String()),
  lastPolledAt: Type.Optional(Type.String({ format: 'date-time' })),
  lastError: Type.Optional(Type.String()),
  consecutiveFailures: Type.Integer(),
  nextPollAt: Type.String({ format: 'date-time' }),
  counts: Counts,
  /** Why the feed is not polled: its URL names a private address and FEED_ALLOW_PRIVATE_NETWORKS is now false. */
  disabled: Type.Optional(Type.String({ description: 'Why the feed is not polled' })),
  /** Which ingest instance polls it now, and until when (several instances share the feeds). */
  lease: Type.Optional(Type.Object({ owner: Type.String(), until: Type.String() })),
});
export type FeedRecord = Static<typeof FeedRecordSchema>;

export const EMPTY_COUNTS: Record<WireOutcome, number> = { new: 0, updated: 0, duplicate: 0, killed: 0, stale: 0, rejected: 0 };

/** Registered feeds, kept in a JetStream KV bucket so they and their poll state survive restarts. */
export class FeedRepository {
  private constructor(
    private readonly kv: KV,
    private readonly jsm: JetStreamManager,
    private readonly bucket: string,
  ) {}

  static async open(nc: NatsConnection, namespace: string, replicas = 1): Promise<FeedRepository> {
    const bucket = bucketNames(namespace).feeds;
    return new FeedRepository(await new Kvm(nc).create(bucket, { history: 1, replicas }), await jetstreamManager(nc), bucket);
  }

  async create(feed: FeedRecord): Promise<void> {
    await this.kv.create(`feed.${feed.id}`, JSON.stringify(feed));
  }

  async list(): Promise<FeedRecord[]> {
    const entries = await Promise.all((await this.ids()).map((id) => this.get(id)));
    return entries.flatMap((entry) => (entry ? [entry.feed] : [])).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /**
   * The ids of every feed key, read from the bucket's stream state in one (paged) request.
   * kv.keys() is avoided on purpose: it drains an ordered consumer that stops only when it sees
   * pending reach zero or an idle heartbeat, and the poller's own updates every second can keep it
   * from ever seeing either.
   */
  private async ids(): Promise<string[]> {
    const prefix = `$KV.${this.bucket}.feed.`;
    const info = await this.jsm.streams.info(`KV_${this.bucket}`, { subjects_filter: `${prefix}*` });
    return Object.keys(info.state.subjects ?? {}).map((subject) => subject.slice(prefix.length));
  }

  async get(id: string): Promise<{ feed: FeedRecord; revision: number } | undefined> {
    const entry = await this.kv.get(`feed.${id}`);
    return entry && entry.operation === 'PUT' ? { feed: JSON.parse(entry.string()) as FeedRecord, revision: entry.revision } : undefined;
  }

  /** Compare-and-set: false when someone else changed the feed since `revision`. */
  async update(feed: FeedRecord, revision: number): Promise<boolean> {
    return this.kv.update(`feed.${feed.id}`, JSON.stringify(feed), revision).then(
      () => true,
      () => false,
    );
  }
}
