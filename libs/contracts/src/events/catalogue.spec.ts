import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { ContractViolation } from '../validation.js';
import { Events, LIFECYCLE_ACTIONS, ROUTED_COPIES } from './catalogue.js';
import { articleIdOf, definitionOf, readEnvelope } from './index.js';

const killed = (extra: object = {}) => ({
  id: randomUUID(),
  type: 'news.article.killed',
  version: 1,
  occurredAt: new Date().toISOString(),
  correlationId: 'c-1',
  producer: 'test',
  data: { articleId: randomUUID(), reason: 'legal', revision: 2, killedAt: new Date().toISOString() },
  ...extra,
});

describe('events catalogue', () => {
  it('derives each subject from the namespace and the major version', () => {
    expect(Events.articleIngested.subject('t1')).toBe('t1.article.ingested.v1');
    expect(Events.articleKilled.subject('news')).toBe('news.article.killed.v1');
    expect(Events.deadLetter.subject('news', { service: 'publishing' } as never)).toBe('news.deadletter.publishing.v1');
    expect(definitionOf('news.article.corrected')).toBe(Events.articleCorrected);
  });

  it('routes a copy of each lifecycle event with a Nats-Msg-Id of its own', () => {
    for (const action of LIFECYCLE_ACTIONS) expect(ROUTED_COPIES[action].of.type).toBe(`news.article.${action}`);
    expect(ROUTED_COPIES.corrected.subject('news', 'fr', 'Économie')).toBe('news.published.fr.economie.corrected');
    expect(ROUTED_COPIES.killed.msgIdOf('e-1')).toBe('e-1:routed');
  });

  it('reads a newer minor version with fields it does not know', () => {
    const event = killed({ minorVersion: 3, origin: 'archive' });
    (event.data as Record<string, unknown>).severity = 'high';
    expect(readEnvelope('news.article.killed', event)).toBe(event);
  });

  it('refuses another major version, naming it, before reading the payload', () => {
    const read = () => readEnvelope('news.article.killed', killed({ version: 2, data: { whatever: true } }));
    expect(read).toThrow(ContractViolation);
    expect(read).toThrow('news.article.killed event is invalid: version is 2, a major version this consumer does not read (it reads 1.x)');
  });

  it('finds the article an event is about', () => {
    const event = killed();
    expect(articleIdOf(event)).toBe(event.data.articleId);
    expect(articleIdOf({ ...event, data: { article: { id: 'a-1' } } })).toBe('a-1');
    expect(articleIdOf({ ...event, data: { service: 'ingest' } })).toBeUndefined();
  });
});
