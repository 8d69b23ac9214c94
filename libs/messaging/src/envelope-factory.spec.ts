import { describe, expect, it } from '@jest/globals';
import { createEvent, derivedEventId, followingFrom } from './envelope-factory.js';

describe('derivedEventId', () => {
  it('is a stable UUID per cause and step', () => {
    const id = derivedEventId('cause-1', 'enriched');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(derivedEventId('cause-1', 'enriched')).toBe(id);
    expect(derivedEventId('cause-1', 'published')).not.toBe(id);
    expect(derivedEventId('cause-2', 'enriched')).not.toBe(id);
  });
});

describe('createEvent', () => {
  it('carries correlation and causation from the event it follows', () => {
    const cause = createEvent('news.article.killed', { articleId: 'a', reason: 'r', revision: 1, killedAt: 'now' }, { correlationId: 'c', producer: 'p' });
    const next = createEvent('news.article.killed', cause.data, followingFrom(cause, 'publishing'));
    expect(next).toMatchObject({ type: 'news.article.killed', version: 1, correlationId: 'c', causationId: cause.id, producer: 'publishing' });
    expect(next.id).not.toBe(cause.id);
  });
});
