import { describe, expect, it } from '@jest/globals';
import { bucketNames, streamNames, subjectsFor, subjectToken } from './subjects.js';

describe('subjects', () => {
  const subjects = subjectsFor('news');

  it('versions the pipeline subjects', () => {
    expect(subjects.ingested).toBe('news.article.ingested.v1');
    expect(subjects.lifecycle.killed).toBe('news.article.killed.v1');
    expect(subjects.deadLetter('enrichment')).toBe('news.deadletter.enrichment.v1');
  });

  it('routes lifecycle copies by language and slugged section', () => {
    expect(subjects.routed('published', 'fr', 'Économie')).toBe('news.published.fr.economie.published');
    expect(subjects.routed('killed', undefined, undefined)).toBe('news.published.und.general.killed');
    expect(subjects.routed('updated', 'en', 'U.S. > World *')).toBe('news.published.en.u-s-world.updated');
    expect([subjects.routedFilter(), subjects.routedFilter('fr'), subjects.routedFilter('fr', 'Économie')]).toEqual([
      'news.published.>',
      'news.published.fr.>',
      'news.published.fr.economie.*',
    ]);
    expect(subjects.articleEvents).toBe('news.article.*.v1');
  });

  it('keeps namespaces apart, and refuses unsafe ones', () => {
    expect(subjectsFor('t42').ingested).toBe('t42.article.ingested.v1');
    expect(streamNames('t-42')).toEqual({ events: 'T_42_EVENTS', deadLetters: 'T_42_DEADLETTERS', wireLog: 'T_42_WIRE_LOG' });
    expect(bucketNames('t-42')).toEqual({ intake: 'T_42_INTAKE', feeds: 'T_42_FEEDS' });
    expect(() => subjectsFor('a.b')).toThrow('invalid subject namespace');
    expect(subjectToken('  ', 'x')).toBe('x');
  });
});
