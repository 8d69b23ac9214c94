import { describe, expect, it } from '@jest/globals';
import type { ApiKey } from '#runtime';
import { newTestService } from '#runtime/testing';
import { ArticleVersionRepository } from '../repositories/article-version.repository.js';
import { DedupeClaimRepository } from '../repositories/dedupe-claim.repository.js';
import { IntakeStatusRepository } from '../repositories/intake-status.repository.js';
import type { EditorArticleDto } from '../dtos/editor-article.dto.js';
import { ArticleIntakeService } from './article-intake.service.js';
import { IngestedEventEmitter } from './ingested-event.emitter.js';
import { OwnershipService } from './ownership.service.js';

const ID = '3b0c7d2e-8f41-4c7a-9d55-0c1f2a3b4c5d';
const dto = (over: Partial<EditorArticleDto> = {}): EditorArticleDto => ({ headline: 'Titre', body: 'Un paragraphe.', language: 'fr', ...over });
const desk = { name: 'desk', scopes: new Set(['submit']), newsroom: 'lemonde', digest: Buffer.alloc(0) } as ApiKey;
const RECEIVED = { articleId: ID, status: 'published' as const, updatedAt: 't' };

function intake() {
  const built = newTestService(ArticleIntakeService);
  built.mock(IngestedEventEmitter).emit.mockResolvedValue(undefined);
  built.mock(DedupeClaimRepository).updateClaim.mockResolvedValue(2);
  return built;
}
const emitted = (built: ReturnType<typeof intake>) =>
  built.mock(IngestedEventEmitter).emit.mock.calls.map(([action, article]) => [action, article.id, article.version]);

describe('ArticleIntakeService', () => {
  it('submits a story without a dedupe key at version 1, recording the caller as its owner', async () => {
    const built = intake();
    const result = await built.sut.submit(dto(), 'corr', undefined, desk);
    expect(result.duplicate).toBe(false);
    expect(emitted(built)).toEqual([['submit', result.id, 1]]);
    expect(built.mock(OwnershipService).record).toHaveBeenCalledWith(result.id, { key: 'desk', scope: 'submit', newsroom: 'lemonde' });
    expect(built.mock(DedupeClaimRepository).claim).not.toHaveBeenCalled();
  });

  it('refuses a source name another newsroom owns before claiming anything', async () => {
    const built = intake();
    await expect(built.sut.submit(dto({ source: 'afp', externalId: 'x' }), 'corr', undefined, desk)).rejects.toMatchObject({ status: 403 });
    expect(built.mock(DedupeClaimRepository).claim).not.toHaveBeenCalled();
  });

  it('takes the same source + externalId with the same content for a duplicate, and new content for an update of the same story', async () => {
    const built = intake();
    const statuses = built.mock(DedupeClaimRepository);
    statuses.claim.mockResolvedValueOnce({ claimed: true, revision: 1 });
    const first = await built.sut.submit(dto({ externalId: 'e1' }), 'corr', undefined, desk);
    // The claim made by the first call, confirmed: what the second finds.
    const entry = statuses.claim.mock.calls[0]![2];
    statuses.claim.mockResolvedValueOnce({ claimed: false, existing: { ...entry, pending: undefined }, revision: 2 });
    expect(await built.sut.submit(dto({ externalId: 'e1' }), 'corr', undefined, desk)).toEqual({ id: first.id, duplicate: true });

    statuses.claim.mockResolvedValueOnce({ claimed: false, existing: { ...entry, pending: undefined }, revision: 2 });
    statuses.updateClaim.mockResolvedValue(3);
    await built.sut.submit(dto({ externalId: 'e1', headline: 'Titre corrigé' }), 'corr', undefined, desk);
    expect(built.mock(OwnershipService).assertMayChange).toHaveBeenCalledWith(first.id, desk);
    expect(emitted(built)).toEqual([
      ['submit', first.id, 1],
      ['update', first.id, 2],
    ]);
  });

  it('emits again a keyed submission whose first emission was never confirmed (a retry), and refuses a reused Idempotency-Key', async () => {
    const built = intake();
    const statuses = built.mock(DedupeClaimRepository);
    statuses.claim.mockResolvedValueOnce({ claimed: true, revision: 1 });
    built.mock(IngestedEventEmitter).emit.mockRejectedValueOnce(new Error('NATS away'));
    const key = { client: 'desk', key: 'k-1' };
    await expect(built.sut.submit(dto(), 'corr', key, desk)).rejects.toThrow('NATS away');
    const pending = statuses.claim.mock.calls[0]![2];
    expect(pending.pending).toBe('submit');
    statuses.claim.mockResolvedValueOnce({ claimed: false, existing: pending, revision: 1 });
    const retried = await built.sut.submit(dto(), 'corr', key, desk);
    expect(retried).toEqual({ id: pending.articleId, duplicate: false });
    expect(built.mock(IngestedEventEmitter).emit.mock.calls[1]![3]).toMatchObject({ resumed: true });

    statuses.claim.mockResolvedValueOnce({ claimed: false, existing: { ...pending, pending: undefined }, revision: 2 });
    await expect(built.sut.submit(dto({ headline: 'Autre' }), 'corr', key, desk)).rejects.toMatchObject({ status: 422 });
  });

  it('answers 404 for an update, correction or kill of a story never received here', async () => {
    const built = intake();
    built.mock(IntakeStatusRepository).getStatus.mockResolvedValue(undefined);
    await expect(built.sut.update(ID, dto(), 'corr')).rejects.toMatchObject({ status: 404 });
    await expect(built.sut.correct(ID, dto(), 'note', 'corr')).rejects.toMatchObject({ status: 404 });
    await expect(built.sut.kill(ID, 'reason', 'corr')).rejects.toMatchObject({ status: 404 });
    expect(built.mock(IngestedEventEmitter).emit).not.toHaveBeenCalled();
  });

  it("gives each change the story's next version, and a correction its note trimmed", async () => {
    const built = intake();
    built.mock(IntakeStatusRepository).getStatus.mockResolvedValue(RECEIVED);
    built.mock(ArticleVersionRepository).next.mockResolvedValueOnce(2).mockResolvedValueOnce(3);
    await built.sut.update(ID, dto(), 'corr');
    await built.sut.correct(ID, dto(), ' une note ', 'corr');
    expect(emitted(built)).toEqual([
      ['update', ID, 2],
      ['correct', ID, 3],
    ]);
    expect(built.mock(IngestedEventEmitter).emit.mock.calls[1]![3]).toEqual({ correction: 'une note' });
  });

  it('refuses a PUT whose source and externalId name another story, saying which field', async () => {
    const built = intake();
    built.mock(DedupeClaimRepository).findClaim.mockResolvedValue({ existing: { articleId: 'another', contentHash: 'h', version: 1 }, revision: 1 });
    await expect(built.sut.update(ID, dto({ externalId: 'e1' }), 'corr')).rejects.toMatchObject({ status: 400 });
    await expect(built.sut.update(ID, dto({ source: 'afp' }), 'corr')).rejects.toMatchObject({ status: 400 });
  });

  it('kills with the reason trimmed and no copy', async () => {
    const built = intake();
    built.mock(IntakeStatusRepository).getStatus.mockResolvedValue(RECEIVED);
    await built.sut.kill(ID, '  légal ', 'corr');
    const [action, article, , options] = built.mock(IngestedEventEmitter).emit.mock.calls[0]!;
    expect([action, article.pubStatus, article.bodyText, options]).toEqual(['kill', 'canceled', '', { killReason: 'légal' }]);
  });
});
