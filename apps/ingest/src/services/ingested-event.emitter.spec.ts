import { describe, expect, it } from '@jest/globals';
import { untagged, type CanonicalArticle } from '#contracts';
import { EventPublisher } from '#messaging';
import { newTestService } from '#runtime/testing';
import { IntakeStatusRepository } from '../repositories/intake-status.repository.js';
import { IngestedEventEmitter } from './ingested-event.emitter.js';

const article: CanonicalArticle = {
  id: '7a1d1e52-55d4-4a41-9d0e-5d1b0b0e0f01',
  source: 'editor',
  version: 1,
  headline: 'Titre',
  bodyHtml: '<p>Corps</p>',
  bodyText: 'Corps',
  pubStatus: 'usable',
  versionCreated: '2026-12-04T10:00:00Z',
  ...untagged(),
};

describe('IngestedEventEmitter', () => {
  const setup = () => {
    const { sut, mock } = newTestService(IngestedEventEmitter);
    return { publisher: mock(EventPublisher), statuses: mock(IntakeStatusRepository), emitter: sut };
  };

  it('sets "received" and publishes the ingested event of the catalogue, with the request correlation', async () => {
    const { publisher, statuses, emitter } = setup();
    await emitter.emit('correct', article, 'req-1', { correction: 'Le titre était faux.', eventId: '0f8e5c52-0000-4000-8000-000000000001' });
    expect(statuses.setStatus).toHaveBeenCalledWith({ articleId: article.id, status: 'received', correlationId: 'req-1' });
    const [event] = publisher.publish.mock.calls[0]!;
    expect(event).toMatchObject({
      id: '0f8e5c52-0000-4000-8000-000000000001',
      type: 'news.article.ingested',
      version: 1,
      correlationId: 'req-1',
      producer: 'ingest',
      data: { action: 'correct', article, correction: 'Le titre était faux.' },
    });
  });

  it('on a resumed emission, sets "received" only if the article has no status yet', async () => {
    const { statuses, emitter } = setup();
    await emitter.emit('submit', article, 'req-2', { resumed: true });
    expect(statuses.setReceivedIfNew).toHaveBeenCalledWith({ articleId: article.id, correlationId: 'req-2' });
    expect(statuses.setStatus).not.toHaveBeenCalled();
  });
});
