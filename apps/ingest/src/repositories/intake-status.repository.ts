import { KvWatchInclude } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import { createHash } from 'node:crypto';
import { intakeStatusKey, type IntakeStatus } from '#contracts';
import { IntakeStatusReporter, openIntakeBucket } from '#messaging';

export type { IntakeState, IntakeStatus } from '#contracts';

export interface DedupeEntry {
  articleId: string;
  /** Hash of the content last accepted under this key: equal means duplicate. */
  contentHash: string;
  /** Editors: versions accepted so far under this key. Wires: the provider's version last accepted. */
  version: number;
  /** A kill was accepted: nothing later revives the story. */
  killed?: boolean;
  /** A kill that came before its story: the story is refused until then (RFC 3339), and may be taken after. */
  tombstoneUntil?: string;
  /** Claimed but its event not yet confirmed published: a retry must publish it again. */
  pending?: 'submit' | 'update' | 'kill';
}

const codec = { encode: (v: unknown) => JSON.stringify(v), decode: <T>(s: string) => JSON.parse(s) as T };

/**
 * Intake bookkeeping kept in JetStream itself (a KV bucket), so ingest needs no
 * database: each article's status as the services report it, and the dedupe
 * keys that make one source + externalId one article. Ingest owns the bucket; the
 * other services only report statuses into it (IntakeStatusReporter).
 */
export class IntakeStatusRepository extends IntakeStatusReporter {
  static override async open(nc: NatsConnection, namespace: string, replicas = 1): Promise<IntakeStatusRepository> {
    return new IntakeStatusRepository(await openIntakeBucket(nc, namespace, replicas));
  }

  /**
   * Sets "received" unless the article already has a status: a retried submission
   * whose first attempt did go out must not set a story that went on back to "received".
   */
  async setReceivedIfNew(status: Omit<IntakeStatus, 'updatedAt' | 'status'>): Promise<void> {
    const value = codec.encode({ ...status, status: 'received', updatedAt: new Date().toISOString() });
    try {
      await this.kv.create(intakeStatusKey(status.articleId), value);
    } catch (error) {
      if (!(await this.getStatus(status.articleId))) throw error;
    }
  }

  /** Every status written from now on, until the returned stop is called (the intake log's live view). */
  async watchStatuses(onStatus: (status: IntakeStatus) => void): Promise<() => void> {
    const updates = await this.kv.watch({ key: intakeStatusKey('*'), include: KvWatchInclude.UpdatesOnly });
    void (async () => {
      for await (const entry of updates) if (entry.operation === 'PUT') onStatus(codec.decode<IntakeStatus>(entry.string()));
    })();
    return () => updates.stop();
  }

  async getStatus(articleId: string): Promise<IntakeStatus | undefined> {
    const entry = await this.kv.get(intakeStatusKey(articleId));
    return entry && entry.operation === 'PUT' ? codec.decode<IntakeStatus>(entry.string()) : undefined;
  }

  /**
   * Claims a dedupe key for an article. Atomic (KV create), so two concurrent
   * submissions of the same story agree on one article id.
   */
  async claim(source: string, externalId: string, entry: DedupeEntry): Promise<{ claimed: true; revision: number } | { claimed: false; existing: DedupeEntry; revision: number }> {
    const key = dedupeKey(source, externalId);
    try {
      return { claimed: true, revision: await this.kv.create(key, codec.encode(entry)) };
    } catch (error) {
      const existing = await this.kv.get(key);
      if (!existing || existing.operation !== 'PUT') throw error;
      return { claimed: false, existing: codec.decode<DedupeEntry>(existing.string()), revision: existing.revision };
    }
  }

  async findClaim(source: string, externalId: string): Promise<{ existing: DedupeEntry; revision: number } | undefined> {
    const entry = await this.kv.get(dedupeKey(source, externalId));
    return entry && entry.operation === 'PUT' ? { existing: codec.decode<DedupeEntry>(entry.string()), revision: entry.revision } : undefined;
  }

  /** Records new content under a claimed key; fails if someone else updated it since `revision`. */
  async updateClaim(source: string, externalId: string, entry: DedupeEntry, revision: number): Promise<number> {
    return this.kv.update(dedupeKey(source, externalId), codec.encode(entry), revision);
  }
}

function dedupeKey(source: string, externalId: string): string {
  return `dedupe.${createHash('sha256').update(source).update('\0').update(externalId).digest('hex')}`;
}
