import type { KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import { createHash } from 'node:crypto';
import { openIntakeBucket } from '#messaging';

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

export type DedupeClaim = { claimed: true; revision: number } | { claimed: false; existing: DedupeEntry; revision: number };

const codec = { encode: (v: unknown) => JSON.stringify(v), decode: <T>(s: string) => JSON.parse(s) as T };

/** The key of a source's own id in the intake bucket (hashed: ids are any text, keys are not). */
export function dedupeKey(source: string, externalId: string): string {
  return `dedupe.${createHash('sha256').update(source).update('\0').update(externalId).digest('hex')}`;
}

/**
 * One story per source + external id (a provider's guid, an editor's externalId or
 * Idempotency-Key): the claim on that pair, kept in ingest's intake bucket, and what was
 * last accepted under it.
 */
export class DedupeClaimRepository {
  private constructor(private readonly kv: KV) {}

  static async open(nc: NatsConnection, namespace: string, replicas = 1): Promise<DedupeClaimRepository> {
    return new DedupeClaimRepository(await openIntakeBucket(nc, namespace, replicas));
  }

  /**
   * Claims a dedupe key for an article. Atomic (KV create), so two concurrent
   * submissions of the same story agree on one article id.
   */
  async claim(source: string, externalId: string, entry: DedupeEntry): Promise<DedupeClaim> {
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
