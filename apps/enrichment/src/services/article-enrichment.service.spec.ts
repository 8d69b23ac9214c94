import { describe, expect, it, jest } from '@jest/globals';
import { untagged, type CanonicalArticle, type EventOf } from '#contracts';
import { createEvent, EventPublisher } from '#messaging';
import type { Enricher } from '#nlp';
import { newTestService } from '#runtime/testing';
import { ArticleEnrichmentService } from './article-enrichment.service.js';

const ID = '3b0c7d2e-8f41-4c7a-9d55-0c1f2a3b4c5d';
const ingested = (action: 'submit' | 'kill'): EventOf<'news.article.ingested'> =>
  createEvent(
    'news.article.ingested',
    {
      action,
      article: {
        id: ID,
        source: 'editor',
        version: 1,
        headline: 'Titre',
        bodyHtml: '',
        bodyText: 'Texte.',
        pubStatus: action === 'kill' ? 'canceled' : 'usable',
        versionCreated: '2026-12-07T10:00:00Z',
        ...untagged(),
      },
      receivedAt: '2026-12-07T10:00:00Z',
    },
    { correlationId: 'corr', producer: 'ingest' },
  );

/** A tagger that marks what it saw, so the event shows whether it ran. */
const enricher: Enricher = {
  taggerId: 'nlp@test',
  enrich: jest.fn((article: CanonicalArticle) => ({ ...article, keywords: [{ value: 'tagged', provenance: { source: 'enrichment' as const } }] })),
};
const enrichment = () => newTestService(ArticleEnrichmentService, { 1: enricher });

describe('ArticleEnrichmentService', () => {
  it('tags the article and publishes the enriched event with an id derived from the input', async () => {
    const { sut, mock } = enrichment();
    const event = ingested('submit');
    await sut.enrich(event);
    const published = mock(EventPublisher).publish.mock.calls[0]![0] as EventOf<'news.article.enriched'>;
    expect(published).toMatchObject({ type: 'news.article.enriched', correlationId: 'corr', causationId: event.id, producer: 'enrichment' });
    expect(published.data.article.keywords.map((k) => k.value)).toEqual(['tagged']);
    await sut.enrich(event);
    expect((mock(EventPublisher).publish.mock.calls[1]![0] as EventOf<'news.article.enriched'>).id).toBe(published.id);
  });

  it('passes a kill on untagged', async () => {
    const { sut, mock } = enrichment();
    (enricher.enrich as jest.Mock).mockClear();
    await sut.enrich(ingested('kill'));
    expect(enricher.enrich).not.toHaveBeenCalled();
    expect((mock(EventPublisher).publish.mock.calls[0]![0] as EventOf<'news.article.enriched'>).data.action).toBe('kill');
  });
});
