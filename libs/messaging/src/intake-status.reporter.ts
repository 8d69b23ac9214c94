import { Kvm, type KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import { bucketNames, intakeStatusKey, type IntakeStatus } from '#contracts';

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
 * How publishing reports an article's outcome to ingest: a write of its
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
}
