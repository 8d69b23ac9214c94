import type { KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import { openIntakeBucket } from '#messaging';
import { dedupeKey } from './dedupe-claim.repository.js';

// The counter keeps the key it had when it shared the dedupe repository (a dedupe key under the
// source "depeche:article"), so the counters of stories already edited carry on where they are.
const counterKey = (articleId: string) => dedupeKey('depeche:article', articleId);
const RETRIES = 5;

/**
 * Per article, the version its next editor change gets: a counter in ingest's intake bucket,
 * moved on by compare-and-set so two editors racing get two versions. No counter means the
 * story is at version 1: a submission writes none, which saves every new story a write.
 */
export class ArticleVersionRepository {
  private constructor(private readonly kv: KV) {}

  static async open(nc: NatsConnection, namespace: string, replicas = 1): Promise<ArticleVersionRepository> {
    return new ArticleVersionRepository(await openIntakeBucket(nc, namespace, replicas));
  }

  /** The next version of the article (2 for its first change), retried when another change won the race. */
  async next(articleId: string): Promise<number> {
    const key = counterKey(articleId);
    for (let attempt = 0; ; attempt++) {
      try {
        await this.kv.create(key, JSON.stringify({ articleId, contentHash: '', version: 2 }));
        return 2;
      } catch (created) {
        const entry = await this.kv.get(key);
        if (!entry || entry.operation !== 'PUT') throw created;
        const version = entry.json<{ version: number }>().version + 1;
        try {
          await this.kv.update(key, JSON.stringify({ ...entry.json<object>(), version }), entry.revision);
          return version;
        } catch (error) {
          if (attempt >= RETRIES) throw error;
        }
      }
    }
  }
}
