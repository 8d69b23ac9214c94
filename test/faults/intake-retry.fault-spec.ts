import { describe, expect, it } from '@jest/globals';
import type { ArticleVersionRepository } from '../../apps/ingest/src/repositories/article-version.repository.js';
import type { DedupeClaimRepository, DedupeEntry } from '../../apps/ingest/src/repositories/dedupe-claim.repository.js';
import type { IntakeStatusRepository } from '../../apps/ingest/src/repositories/intake-status.repository.js';
import { ArticleIntakeService } from '../../apps/ingest/src/services/article-intake.service.js';
import type { EmitOptions, IngestedEventEmitter } from '../../apps/ingest/src/services/ingested-event.emitter.js';
import { OwnershipService } from '../../apps/ingest/src/services/ownership.service.js';
import type { StoryOwnerRepository } from '../../apps/ingest/src/repositories/story-owner.repository.js';

/**
 * The fault behind the NATS-restart scenario, in isolation: ingest claims an
 * editor article's source + externalId, then publishing its event fails. The
 * editor's retry must emit the event again (same event id, so JetStream drops
 * it if the first one had gone out after all), not answer "duplicate" and
 * leave the article unpublished for ever.
 */
class MemoryStore {
  readonly entries = new Map<string, { entry: DedupeEntry; revision: number }>();
  private revision = 0;

  async claim(source: string, externalId: string, entry: DedupeEntry) {
    const key = `${source}\0${externalId}`;
    const existing = this.entries.get(key);
    if (existing) return { claimed: false as const, existing: existing.entry, revision: existing.revision };
    this.entries.set(key, { entry, revision: ++this.revision });
    return { claimed: true as const, revision: this.revision };
  }

  async updateClaim(source: string, externalId: string, entry: DedupeEntry, revision: number) {
    const key = `${source}\0${externalId}`;
    if (this.entries.get(key)?.revision !== revision) throw new Error('wrong last sequence');
    this.entries.set(key, { entry, revision: ++this.revision });
    return this.revision;
  }

  async setStatus() {}
  async getStatus() {
    return undefined;
  }
}

class FlakyEmitter {
  readonly emitted: Array<{ action: string; articleId: string; eventId?: string; resumed?: boolean }> = [];
  failuresLeft = 0;

  /** Every article fits: size is not what this fault is about. */
  oversize() {
    return undefined;
  }

  assertFits() {}

  async emit(action: string, article: { id: string }, _correlationId: string, { eventId, resumed }: EmitOptions = {}) {
    // Recorded either way: like a JetStream publish whose ack never came back, it may or may not have been stored.
    this.emitted.push({ action, articleId: article.id, eventId, resumed });
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      throw new Error('TimeoutError: timeout');
    }
  }
}

const article = {
  headline: 'Grève au port de Marseille',
  body: 'Les syndicats appellent à une nouvelle journée de grève.',
  source: 'faults',
  externalId: 'retry-1',
};

function intake() {
  const store = new MemoryStore();
  const emitter = new FlakyEmitter();
  // This fault is about dedupe and emission; who owns the story is not in question (no caller, nothing recorded).
  const owners = { find: async () => undefined, recordIfNew: async () => undefined } as unknown as StoryOwnerRepository;
  const statuses = store as unknown as IntakeStatusRepository;
  const versions = {} as ArticleVersionRepository; // new submissions only: no version counter is read
  const service = new ArticleIntakeService(
    emitter as unknown as IngestedEventEmitter,
    statuses,
    store as unknown as DedupeClaimRepository,
    versions,
    new OwnershipService(owners, statuses),
  );
  return { store, emitter, service };
}

describe('editor intake when publishing the ingested event fails', () => {
  it('emits the event again on the retry, with the same event id, and only then answers duplicate', async () => {
    const { emitter, service } = intake();
    emitter.failuresLeft = 1;
    await expect(service.submit(article, 'c1')).rejects.toThrow('timeout');

    const retry = await service.submit(article, 'c2');
    expect(retry.duplicate).toBe(false);
    expect(emitter.emitted).toHaveLength(2);
    const [first, second] = emitter.emitted;
    expect(second!.articleId).toBe(first!.articleId);
    expect(second!.eventId).toBeDefined();
    expect(second!.eventId).toBe(first!.eventId);
    // The retry must not set the status of a story that did go out the first time back to "received".
    expect([first!.resumed, second!.resumed]).toEqual([undefined, true]);

    // Confirmed now: the same content once more is a duplicate, and emits nothing.
    const again = await service.submit(article, 'c3');
    expect(again).toEqual({ id: first!.articleId, duplicate: true });
    expect(emitter.emitted).toHaveLength(2);
  });

  it('a failed update is emitted again on the retry as the same update', async () => {
    const { emitter, service } = intake();
    const created = await service.submit(article, 'c1');
    const changed = { ...article, body: 'Les syndicats ont levé le préavis de grève.' };
    emitter.failuresLeft = 1;
    await expect(service.submit(changed, 'c2')).rejects.toThrow('timeout');
    const retry = await service.submit(changed, 'c3');
    expect(retry).toEqual({ id: created.id, duplicate: false });
    const updates = emitter.emitted.filter((e) => e.action === 'update');
    expect(updates).toHaveLength(2);
    expect(updates[1]!.eventId).toBe(updates[0]!.eventId);
    expect(await service.submit(changed, 'c4')).toEqual({ id: created.id, duplicate: true });
  });
});
