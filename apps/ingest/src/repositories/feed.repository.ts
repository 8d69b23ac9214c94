import { Kvm, type KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import { bucketNames } from '#contracts';
import type { WireOutcome } from '../services/wire-item-decision.js';

export interface FeedRecord {
  id: string;
  url: string;
  intervalSeconds: number;
  /** The source name items are deduplicated and published under. */
  source: string;
  createdAt: string;
  etag?: string;
  lastModified?: string;
  lastPolledAt?: string;
  lastError?: string;
  consecutiveFailures: number;
  nextPollAt: string;
  counts: Record<WireOutcome, number>;
  /** Which ingest instance polls it now, and until when (several instances share the feeds). */
  lease?: { owner: string; until: string };
}

export const EMPTY_COUNTS: Record<WireOutcome, number> = { new: 0, updated: 0, duplicate: 0, killed: 0, rejected: 0 };

/** Registered feeds, kept in a JetStream KV bucket so they and their poll state survive restarts. */
export class FeedRepository {
  private constructor(private readonly kv: KV) {}

  static async open(nc: NatsConnection, namespace: string, replicas = 1): Promise<FeedRepository> {
    return new FeedRepository(await new Kvm(nc).create(bucketNames(namespace).feeds, { history: 1, replicas }));
  }

  async create(feed: FeedRecord): Promise<void> {
    await this.kv.create(`feed.${feed.id}`, JSON.stringify(feed));
  }

  async list(): Promise<FeedRecord[]> {
    const feeds: FeedRecord[] = [];
    for await (const key of await this.kv.keys('feed.*')) {
      const entry = await this.get(key.slice('feed.'.length));
      if (entry) feeds.push(entry.feed);
    }
    return feeds.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
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
