import { describe, expect, it } from '@jest/globals';
import { untagged } from '#contracts';
import { createEvent } from '#messaging';
import { owedEventOf } from './owed-event.js';

const origin = { correlationId: 'c', producer: 'publishing' };
const ARTICLE_ID = '6c1f0000-0000-4000-8000-000000000001';

describe('owedEventOf', () => {
  it('keeps what the filters compare: primary language, section as routed subjects spell it, Media Topics, source', () => {
    const event = createEvent(
      'news.article.corrected',
      {
        revision: 3,
        publishedAt: '2026-12-07T10:00:00.000Z',
        correction: 'note',
        article: {
          id: ARTICLE_ID,
          source: 'afp',
          version: 1,
          headline: 'Titre',
          bodyHtml: '',
          bodyText: '',
          language: 'fr-CA',
          section: 'Économie',
          pubStatus: 'usable',
          versionCreated: '2026-12-07T10:00:00.000Z',
          ...untagged(),
          subjects: [
            { code: 'medtop:04000000', scheme: 'medtop', provenance: { source: 'enrichment' } },
            { code: 'afp:ECO', scheme: 'afp', provenance: { source: 'provider' } },
          ],
        },
      },
      origin,
    );
    expect(owedEventOf(event)).toMatchObject({
      eventId: event.id,
      type: 'news.article.corrected',
      action: 'corrected',
      articleId: ARTICLE_ID,
      revision: 3,
      language: 'fr',
      sectionKey: 'economie',
      topics: ['medtop:04000000'],
      source: 'afp',
    });
  });

  it('takes a kill’s facts from the event itself: it carries no copy', () => {
    const event = createEvent(
      'news.article.killed',
      { articleId: ARTICLE_ID, language: 'en', section: 'World', reason: 'legal', revision: 4, killedAt: '2026-12-07T11:00:00.000Z' },
      origin,
    );
    expect(owedEventOf(event)).toMatchObject({ action: 'killed', articleId: ARTICLE_ID, revision: 4, language: 'en', sectionKey: 'world', topics: [] });
    expect(owedEventOf(event).source).toBeUndefined();
  });
});
