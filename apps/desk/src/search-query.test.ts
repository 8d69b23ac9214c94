import { describe, expect, it } from 'vitest';
import { emptySearch, searchPath } from './search-query';

describe('search query', () => {
  it('sends only the filters that are filled, with the page size and cursor', () => {
    const path = searchPath({ ...emptySearch(), q: ' openai ', section: 'Économie', topic: '04000000' }, 'abc', 5);
    const params = new URL(path, 'http://x').searchParams;
    expect(Object.fromEntries(params)).toEqual({ limit: '5', q: 'openai', section: 'Économie', topic: '04000000', cursor: 'abc' });
  });

  it('takes dates as whole local days', () => {
    const params = new URL(searchPath({ ...emptySearch(), since: '2026-11-26' }), 'http://x').searchParams;
    expect(params.get('since')).toBe(new Date('2026-11-26T00:00:00').toISOString());
  });
});
