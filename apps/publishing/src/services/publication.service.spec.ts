import { describe, expect, it } from '@jest/globals';
import { subjectsFor, untagged, type EventOf } from '#contracts';
import { createEvent, IntakeStatusReporter } from '#messaging';
import { newTestService } from '#runtime/testing';
import { PublicationRepository, PublicationTransaction, type CurrentState, type RevisionWrite } from '../repositories/publication.repository.js';
import { OutboxRelayService } from './outbox-relay.service.js';
import { PublicationService } from './publication.service.js';

const ID = '3b0c7d2e-8f41-4c7a-9d55-0c1f2a3b4c5d';
const article = {
  id: ID,
  source: 'editor',
  version: 1,
  headline: 'Titre',
  bodyHtml: '<p>Texte.</p>',
  bodyText: 'Texte.',
  language: 'fr',
  section: 'Économie',
  pubStatus: 'usable' as const,
  versionCreated: '2026-12-07T10:00:00Z',
  ...untagged(),
};
const enriched = (action: 'submit' | 'update' | 'kill', over: Record<string, unknown> = {}): EventOf<'news.article.enriched'> =>
  createEvent(
    'news.article.enriched',
    { action, article: { ...article, ...over }, receivedAt: '2026-12-07T10:00:00Z', ...(action === 'kill' ? { killReason: 'légal' } : {}) },
    { correlationId: 'corr', producer: 'enrichment' },
  );

/** The service over a store that holds `current` (if any) and takes each event as fresh unless told it was applied. */
function publication(current?: CurrentState, applied = false) {
  const built = newTestService(PublicationService, { 3: subjectsFor('news') });
  const transaction = built.mock(PublicationRepository);
  const writes: RevisionWrite[] = [];
  const txMock = {
    markAndLock: async (events: Array<{ eventId: string; articleId: string }>) => ({
      fresh: new Set(applied ? [] : events.map((e) => e.eventId)),
      current: new Map(current ? [[ID, current]] : []),
    }),
    writeRevisions: async (w: RevisionWrite[]) => void writes.push(...w),
  };
  transaction.transaction.mockImplementation(((work: (t: PublicationTransaction) => Promise<unknown>) =>
    work(txMock as unknown as PublicationTransaction)) as PublicationRepository['transaction']);
  return { ...built, writes };
}
const stored = (status: CurrentState['status'], publishedAt: Date | null = new Date('2026-12-07T09:00:00Z')): CurrentState => ({
  id: ID,
  revision: 3,
  status,
  publishedAt,
  document: article,
});

describe('PublicationService', () => {
  it('stores a first version and owes consumers its published event and routed copy, then reports "published"', async () => {
    const { sut, mock, writes } = publication();
    expect(await sut.apply(enriched('submit'))).toBe('applied');
    expect(writes).toHaveLength(1);
    expect(writes[0]!.article).toMatchObject({ revision: 1, status: 'published' });
    const subjects = subjectsFor('news');
    expect(writes[0]!.outbox.map((o) => [o.subject, o.copySubject])).toEqual([[subjects.lifecycle.published, subjects.routed('published', 'fr', 'Économie')]]);
    expect(mock(OutboxRelayService).deliver).toHaveBeenCalledWith(writes[0]!.outbox);
    expect(mock(IntakeStatusReporter).setStatus).toHaveBeenCalledWith({ articleId: ID, status: 'published', correlationId: 'corr' });
  });

  it('writes nothing for a redelivered event, but reports the status again (the first attempt may have died before it)', async () => {
    const { sut, mock, writes } = publication(stored('published'), true);
    expect(await sut.apply(enriched('update'))).toBe('already-applied');
    expect(writes).toEqual([]);
    expect(mock(OutboxRelayService).deliver).toHaveBeenCalledWith([]);
    expect(mock(IntakeStatusReporter).setStatus).toHaveBeenCalledWith(expect.objectContaining({ status: 'published' }));
  });

  it('keeps a story under embargo unannounced and says "embargoed"', async () => {
    const { sut, mock, writes } = publication();
    await sut.apply(enriched('submit', { embargo: new Date(Date.now() + 3_600_000).toISOString() }));
    expect(writes[0]!.article.status).toBe('embargoed');
    expect(writes[0]!.outbox).toEqual([]);
    expect(mock(IntakeStatusReporter).setStatus).toHaveBeenCalledWith(expect.objectContaining({ status: 'embargoed' }));
  });

  it('kills a published story with its reason, and refuses for good an update to a killed one, saying why in the status', async () => {
    const kill = publication(stored('published'));
    await kill.sut.apply(enriched('kill'));
    expect(kill.writes[0]!.article).toMatchObject({ status: 'killed', killReason: 'légal', revision: 4 });
    expect(kill.writes[0]!.tags).toEqual([]);
    expect(kill.mock(IntakeStatusReporter).setStatus).toHaveBeenCalledWith(expect.objectContaining({ status: 'killed', reason: 'légal' }));

    const late = publication(stored('killed'));
    await expect(late.sut.apply(enriched('update'))).rejects.toMatchObject({ name: 'PermanentError' });
    expect(late.mock(IntakeStatusReporter).setStatus).toHaveBeenCalledWith(
      expect.objectContaining({ status: 'rejected', reason: expect.stringMatching(/was killed; update refused/) }),
    );
  });
});
