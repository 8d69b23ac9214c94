import { KvWatchInclude, type KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import { intakeStatusKey, type IntakeStatus } from '#contracts';
import { IntakeStatusReporter, openIntakeBucket } from '#messaging';

export type { IntakeState, IntakeStatus } from '#contracts';

const codec = { encode: (v: unknown) => JSON.stringify(v), decode: <T>(s: string) => JSON.parse(s) as T };

/**
 * Each article's intake status, kept in JetStream itself (ingest's KV bucket), so ingest
 * needs no database: "received" written here, the outcome by publishing (through
 * IntakeStatusReporter), read here by the status endpoint and the intake log.
 */
export class IntakeStatusRepository {
  private readonly reporter: IntakeStatusReporter;

  private constructor(private readonly kv: KV) {
    this.reporter = new IntakeStatusReporter(kv);
  }

  static async open(nc: NatsConnection, namespace: string, replicas = 1): Promise<IntakeStatusRepository> {
    return new IntakeStatusRepository(await openIntakeBucket(nc, namespace, replicas));
  }

  setStatus(status: Omit<IntakeStatus, 'updatedAt'>): Promise<void> {
    return this.reporter.setStatus(status);
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

  async getStatus(articleId: string): Promise<IntakeStatus | undefined> {
    const entry = await this.kv.get(intakeStatusKey(articleId));
    return entry && entry.operation === 'PUT' ? codec.decode<IntakeStatus>(entry.string()) : undefined;
  }

  /** Every status written from now on, until the returned stop is called (the intake log's live view). */
  async watchStatuses(onStatus: (status: IntakeStatus) => void): Promise<() => void> {
    const updates = await this.kv.watch({ key: intakeStatusKey('*'), include: KvWatchInclude.UpdatesOnly });
    void (async () => {
      for await (const entry of updates) if (entry.operation === 'PUT') onStatus(codec.decode<IntakeStatus>(entry.string()));
    })();
    return () => updates.stop();
  }
}
