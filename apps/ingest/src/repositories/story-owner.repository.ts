import type { KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import { openIntakeBucket } from '#messaging';
import type { StoryOwner } from '../services/ownership-rules.js';

/**
 * Who created each story, kept beside its intake status in ingest's KV bucket
 * (ingest has no database). Written once, when the story is first received:
 * the first creator owns it for good.
 */
export class StoryOwnerRepository {
  private constructor(private readonly kv: KV) {}

  static async open(nc: NatsConnection, namespace: string, replicas = 1): Promise<StoryOwnerRepository> {
    // The intake bucket's one configuration: a second one here made the first start of a namespace fail
    // ("stream name already in use with a different configuration") whenever this opened first.
    return new StoryOwnerRepository(await openIntakeBucket(nc, namespace, replicas));
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
