import { describe, expect, it } from 'vitest';
import { emptyWireFilters, mergeLines, wireLogQuery, withStatus, type WireLine } from './wire-log';

const line = (id: number, over: Partial<WireLine> = {}): WireLine =>
  ({ id: String(id), receivedAt: '2026-12-07T10:00:00Z', channel: 'wire', source: 'afp', newsroom: 'agency', outcome: 'new', ...over }) as WireLine;

describe("the wire desk's log", () => {
  it('builds the query from the filters set, leaving empty ones out', () => {
    expect(wireLogQuery(emptyWireFilters())).toBe('');
    expect(wireLogQuery({ outcome: 'rejected', language: '', source: ' afp ' }, { limit: '100' })).toBe('?outcome=rejected&source=afp&limit=100');
  });

  it('merges pages and live lines newest first, each once, within the cap', () => {
    const merged = mergeLines([line(3), line(1)], [line(2), line(3), line(4)], 3);
    expect(merged.map((l) => l.id)).toEqual(['4', '3', '2']);
  });

  it('keeps a status already known when the same line comes again without one (a replay)', () => {
    const known = line(5, { articleId: 'a', status: { status: 'published', updatedAt: 't' } });
    expect(mergeLines([known], [line(5, { articleId: 'a' })])[0]!.status?.status).toBe('published');
  });

  it('gives a live line the status already known for its article', () => {
    const published = line(5, { articleId: 'a', status: { status: 'published', updatedAt: 't' } });
    expect(mergeLines([published], [line(6, { articleId: 'a', outcome: 'duplicate' }), line(7, { articleId: 'b' })]).map((l) => l.status?.status)).toEqual([
      undefined,
      'published',
      'published',
    ]);
  });

  it('gives a status change to every line about the article', () => {
    const lines = withStatus([line(2, { articleId: 'a' }), line(1, { articleId: 'a' }), line(0, { articleId: 'b' })], {
      articleId: 'a',
      status: 'published',
      updatedAt: 't',
    });
    expect(lines.map((l) => l.status?.status)).toEqual(['published', 'published', undefined]);
  });
});
