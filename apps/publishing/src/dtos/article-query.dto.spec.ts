import { describe, expect, it } from '@jest/globals';
import { ProblemException } from '#runtime';
import { parseArticleQuery } from './article-query.dto.js';

/** The fields a 400 names, or the thrown error when it is not a 400. */
function refusedFields(raw: Record<string, string>): string[] {
  try {
    parseArticleQuery(raw);
  } catch (error) {
    if (error instanceof ProblemException && error.problem.status === 400)
      return ((error.problem as { errors?: Array<{ field: string }> }).errors ?? []).map((e) => e.field);
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(raw)}`);
}

describe('parseArticleQuery', () => {
  it('refuses a NUL or another control character in text parameters with 400 naming the parameter', () => {
    for (const field of ['q', 'entity', 'section']) expect(refusedFields({ [field]: 'a\u0000b' })).toEqual([expect.stringContaining(field)]);
    expect(refusedFields({ topic: 'a:\u0000' })).toEqual([expect.stringContaining('topic')]);
  });

  it('refuses dates Postgres cannot hold (year 0) or the store cannot compare, as 400', () => {
    expect(refusedFields({ since: '0000-01-01T00:00:00Z' })).toEqual(['since']);
    expect(refusedFields({ until: '0000-01-01T00:00:00Z', since: '2026-01-01T00:00:00Z' })).toEqual(['until']);
  });

  it('still accepts ordinary searches and dates', () => {
    expect(parseArticleQuery({ q: 'Économie', entity: 'Q380', topic: 'medtop:04000000', since: '2026-01-01T00:00:00Z' }).filter).toMatchObject({
      q: 'Économie',
      topic: 'medtop:04000000',
      since: '2026-01-01T00:00:00Z',
    });
  });
});
