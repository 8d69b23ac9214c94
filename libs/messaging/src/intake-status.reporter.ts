import { Kvm, type KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import { bucketNames, intakeStatusKey, type IntakeState, type IntakeStatus } from '#contracts';

/**
 * Opens (creating it if needed) ingest's intake bucket of the namespace. Reads go through the stream leader
 * (allow_direct off): a direct get may be answered by a replica still catching up after a node rejoined, which
 * showed statuses and dedupe entries from before the last writes (the partition fault test read "enriched" and
 * "received" for published articles). A bucket created before keeps its setting until it is recreated.
 */
export function openIntakeBucket(nc: NatsConnection, namespace: string, replicas = 1): Promise<KV> {
  return new Kvm(nc).create(bucketNames(namespace).intake, { history: 1, replicas, allow_direct: false });
}

/**
 * How enrichment and publishing report an article's progress to ingest: a write of its
 * status record in ingest's intake bucket (ingest owns the bucket, its dedupe keys and
 * the reads, in its IntakeStatusRepository).
 */
export class IntakeStatusReporter {
  constructor(protected readonly kv: KV) {}

  static async open(nc: NatsConnection, namespace: string, replicas = 1): Promise<IntakeStatusReporter> {
    return new IntakeStatusReporter(await openIntakeBucket(nc, namespace, replicas));
  }

  async setStatus(status: Omit<IntakeStatus, 'updatedAt'>): Promise<void> {
    await this.kv.put(intakeStatusKey(status.articleId), JSON.stringify({ ...status, updatedAt: new Date().toISOString() }));
  }

  /**
   * Writes `status` only over a record that still says one of `from` (or over none), as a
   * compare-and-set on the record's revision. A write held in the client's buffer while NATS
   * restarted and flushed after another service moved the record on (publishing's "published") is
   * refused by the server instead of taking the record back; the fault test saw "enriched" win so.
   */
  async advanceStatus(status: Omit<IntakeStatus, 'updatedAt'>, from: readonly IntakeState[]): Promise<void> {
    const key = intakeStatusKey(status.articleId);
    const value = JSON.stringify({ ...status, updatedAt: new Date().toISOString() });
    const entry = await this.kv.get(key);
    try {
      if (!entry || entry.operation !== 'PUT') await this.kv.create(key, value);
      else if (from.includes(entry.json<IntakeStatus>().status)) await this.kv.update(key, value, entry.revision);
    } catch (error) {
      // Another write came first: the record has moved on, which is what this guards.
      if (!/wrong last sequence|key exists/i.test(String(error))) throw error;
    }
  }
}
