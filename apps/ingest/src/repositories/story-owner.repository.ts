import { Kvm, type KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import { bucketNames } from '#contracts';
import type { StoryOwner } from '../services/ownership-rules.js';

/**
 * Who created each story, kept beside its intake status in ingest's KV bucket
 * (ingest has no database). Written once, when the story is first received:
 * the first creator owns it for good.
 */
export class StoryOwnerRepository {
  private constructor(private readonly kv: KV) {}

  static async open(nc: NatsConnection, namespace: string, replicas = 1): Promise<StoryOwnerRepository> {
    return new StoryOwnerRepository(await new Kvm(nc).create(bucketNames(namespace).intake, { history: 1, replicas }));
  }

  /** Records the owner unless the story has one already (a retried or concurrent first submission). */
  async recordIfNew(articleId: string, owner: StoryOwner): Promise<void> {
    try {
      await this.kv.create(`owner.${articleId}`, JSON.stringify(owner));
    } catch (error) {
      if (!(await this.find(articleId))) throw error;
    }
  }

  async find(articleId: string): Promise<StoryOwner | undefined> {
    const entry = await this.kv.get(`owner.${articleId}`);
    return entry && entry.operation === 'PUT' ? (JSON.parse(entry.string()) as StoryOwner) : undefined;
  }
}
