import { describe, expect, it } from '@jest/globals';
import { subjectsFor, untagged } from '#contracts';
import { IntakeStatusReporter } from '#messaging';
import { autoMock, newTestService } from '#runtime/testing';
import { PublicationRepository, PublicationTransaction, type DueEmbargo } from '../repositories/publication.repository.js';
import { EmbargoReleaseService } from './embargo-release.service.js';
import { OutboxRelayService } from './outbox-relay.service.js';

const ID = '3b0c7d2e-8f41-4c7a-9d55-0c1f2a3b4c5d';
const due = (id: string): DueEmbargo =>
  ({
    id,
    revision: 1,
    correlationId: `c-${id}`,
    document: {
      id,
      source: 'editor',
      version: 1,
      headline: 'Sous embargo',
      bodyHtml: '',
      bodyText: '',
      language: 'fr',
      section: 'Économie',
      pubStatus: 'usable',
      versionCreated: '2026-12-04T10:00:00Z',
      ...untagged(),
    },
  }) as DueEmbargo;

describe('EmbargoReleaseService', () => {
  it('releases what fell due, owes each its published event with its routed copy in one row, and reports it published', async () => {
    const { sut: service, mock } = newTestService(EmbargoReleaseService, { 3: subjectsFor('news'), 4: 1000 });
    const tx = autoMock(PublicationTransaction);
    const [relay, statuses] = [mock(OutboxRelayService), mock(IntakeStatusReporter)];
    tx.lockDueEmbargoes.mockResolvedValue([due(ID)]);
    mock(PublicationRepository).transaction.mockImplementation(((work: (t: PublicationTransaction) => Promise<unknown>) =>
      work(tx as unknown as PublicationTransaction)) as PublicationRepository['transaction']);

    expect(await service.releaseDue()).toBe(1);
    expect(tx.markReleased).toHaveBeenCalledWith([ID]);
    const owed = tx.enqueue.mock.calls[0]![0];
    const subjects = subjectsFor('news');
    expect(owed).toHaveLength(1);
    expect(owed[0]).toMatchObject({ subject: subjects.lifecycle.published, copySubject: subjects.routed('published', 'fr', 'Économie') });
    expect(owed[0]!.copyMsgId).toBe(`${owed[0]!.msgId}:routed`);
    expect(relay.deliver).toHaveBeenCalledWith(owed);
    expect(statuses.setStatus).toHaveBeenCalledWith({ articleId: ID, status: 'published', correlationId: `c-${ID}` });
  });
});
