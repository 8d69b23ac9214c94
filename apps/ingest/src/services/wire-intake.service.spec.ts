import { describe, expect, it } from '@jest/globals';
import { untagged, type DraftArticle } from '#contracts';
import { newTestService } from '#runtime/testing';
import { WireError } from '#wire';
import { DedupeClaimRepository, type DedupeEntry } from '../repositories/dedupe-claim.repository.js';
import { IntakeStatusRepository } from '../repositories/intake-status.repository.js';
import { WireLogService } from '../wire-log/wire-log.service.js';
import { IngestedEventEmitter } from './ingested-event.emitter.js';
import { OwnershipService } from './ownership.service.js';
import { WireIntakeService, type WireDelivery } from './wire-intake.service.js';
import { wireContentHash } from './wire-item-decision.js';
import { WireReaderService } from './wire-reader.service.js';

const ID = '3b0c7d2e-8f41-4c7a-9d55-0c1f2a3b4c5d';
const delivery: WireDelivery = { owner: { key: 'afp-push', scope: 'wire', newsroom: 'agency' }, channel: 'wire' };
const draft = (over: Partial<DraftArticle> = {}): DraftArticle => ({
  source: 'afp',
  externalId: 'urn:afp:1',
  version: 2,
  headline: 'Titre',
  bodyHtml: '<p>Texte.</p>',
  bodyText: 'Texte.',
  language: 'fr',
  pubStatus: 'usable',
  versionCreated: '2026-12-07T10:00:00Z',
  ...untagged(),
  ...over,
});

/** The service with a reader that returns `articles` (and `skipped`), a first claim unless `previous` is given. */
function intake(articles: DraftArticle[], previous?: DedupeEntry, skipped: { index: number; reason: string }[] = []) {
  const built = newTestService(WireIntakeService, { 6: 24 });
  built.mock(WireReaderService).read.mockResolvedValue({ format: 'newsml-g2', articles, skipped });
  const claims = built.mock(DedupeClaimRepository);
  claims.claim.mockResolvedValue(previous ? { claimed: false, existing: previous, revision: 7 } : { claimed: true, revision: 1 });
  claims.updateClaim.mockResolvedValue(8);
  built.mock(OwnershipService).isAgencyCopy.mockResolvedValue(true);
  built.mock(IngestedEventEmitter).oversize.mockReturnValue(undefined);
  return built;
}
const logged = (built: ReturnType<typeof intake>) => built.mock(WireLogService).record.mock.calls.flatMap(([lines]) => lines);

describe('WireIntakeService', () => {
  it('emits a new story, records its owner, and logs the line with what identifies it', async () => {
    const built = intake([draft()]);
    const receipt = await built.sut.receive(new Uint8Array([1]), 'application/xml', 'corr', delivery);
    expect(receipt.items).toEqual([expect.objectContaining({ index: 0, headline: 'Titre', outcome: 'new' })]);
    expect(built.mock(IngestedEventEmitter).emit).toHaveBeenCalledWith(
      'submit',
      expect.objectContaining({ externalId: 'urn:afp:1' }),
      'corr',
      expect.anything(),
    );
    expect(built.mock(OwnershipService).record).toHaveBeenCalledWith(receipt.items[0]!.articleId!, delivery.owner);
    expect(logged(built)).toEqual([
      expect.objectContaining({
        outcome: 'new',
        channel: 'wire',
        key: 'afp-push',
        newsroom: 'agency',
        source: 'afp',
        format: 'newsml-g2',
        guid: 'urn:afp:1',
        version: 2,
        language: 'fr',
        index: 0,
      }),
    ]);
  });

  it('emits nothing for the same content again, or for an older version, and logs why', async () => {
    const same = draft();
    const built = intake([same, draft({ version: 1, headline: 'Ancien' })], { articleId: ID, contentHash: wireContentHash(same), version: 2 });
    const receipt = await built.sut.receive(new Uint8Array([1]), undefined, 'corr', delivery);
    expect(receipt.items.map((i) => i.outcome)).toEqual(['duplicate', 'stale']);
    expect(built.mock(IngestedEventEmitter).emit).not.toHaveBeenCalled();
    expect(built.mock(IntakeStatusRepository).setStatus).toHaveBeenCalledWith(expect.objectContaining({ articleId: ID, status: 'stale' }));
    expect(logged(built).map((l) => [l.outcome, l.reason])).toEqual([
      ['duplicate', 'same content as already received'],
      ['stale', 'version 1 arrived after version 2 and was not applied'],
    ]);
  });

  it('keeps a cancel before its story as a tombstone: killed in the receipt, tombstone in the log, no event', async () => {
    const built = intake([draft({ pubStatus: 'canceled', bodyText: '', bodyHtml: '' })]);
    const receipt = await built.sut.receive(new Uint8Array([1]), undefined, 'corr', delivery);
    expect(receipt.items[0]).toMatchObject({ outcome: 'killed', reason: expect.stringMatching(/before the story arrived/) });
    expect(receipt.items[0]).not.toHaveProperty('tombstone');
    expect(built.mock(IngestedEventEmitter).emit).not.toHaveBeenCalled();
    expect(built.mock(IntakeStatusRepository).setStatus).toHaveBeenCalledWith(expect.objectContaining({ status: 'killed' }));
    expect(logged(built)[0]).toMatchObject({ outcome: 'tombstone', articleId: receipt.items[0]!.articleId });
  });

  it("refuses agency copy under the guid of an editor's story, and an oversize item, each with its reason", async () => {
    const built = intake([draft()], { articleId: ID, contentHash: 'x', version: 1 });
    built.mock(OwnershipService).isAgencyCopy.mockResolvedValue(false);
    const refused = await built.sut.receive(new Uint8Array([1]), undefined, 'corr', delivery);
    expect(refused.items[0]).toMatchObject({ outcome: 'rejected', reason: expect.stringMatching(/editors submitted/) });

    const big = intake([draft()]);
    big.mock(IngestedEventEmitter).oversize.mockReturnValue('is 2 MB, over the 1 MB limit');
    const receipt = await big.sut.receive(new Uint8Array([1]), undefined, 'corr', delivery);
    expect(receipt.items[0]).toMatchObject({ outcome: 'rejected', reason: 'The item is 2 MB, over the 1 MB limit' });
    expect(big.mock(DedupeClaimRepository).claim).not.toHaveBeenCalled();
  });

  it("logs items the parser skipped in document order, and files items under the delivery's source", async () => {
    const built = intake([draft()], undefined, [{ index: 0, reason: 'no text' }]);
    const receipt = await built.sut.receive(new Uint8Array([1]), undefined, 'corr', { ...delivery, channel: 'feed', feed: 'f1', source: 'lemonde.fr' });
    expect(receipt.items.map((i) => [i.index, i.outcome])).toEqual([
      [0, 'rejected'],
      [1, 'new'],
    ]);
    expect(logged(built).map((l) => [l.index, l.outcome, l.source, l.channel, l.feed, l.key])).toEqual([
      [0, 'rejected', 'lemonde.fr', 'feed', 'f1', undefined],
      [1, 'new', 'lemonde.fr', 'feed', 'f1', undefined],
    ]);
  });

  it('logs a document it cannot read as one rejected line, then lets the refusal through', async () => {
    const built = intake([]);
    built.mock(WireReaderService).read.mockRejectedValue(new WireError('malformed-xml', 'The XML is not well-formed'));
    await expect(built.sut.receive(new Uint8Array([1]), undefined, 'corr', delivery)).rejects.toMatchObject({ code: 'malformed-xml' });
    expect(logged(built)).toEqual([expect.objectContaining({ outcome: 'rejected', reason: 'The XML is not well-formed', source: 'afp-push' })]);
    expect(logged(built)[0]).not.toHaveProperty('format');
  });
});
