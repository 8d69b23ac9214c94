import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import { CanonicalArticle, untagged } from './article/canonical-article.schema.js';
import { envelopeValidator } from './events/index.js';
import { ContractViolation, validatorFor } from './validation.js';

const article = () => ({
  id: randomUUID(),
  source: 'editor',
  version: 1,
  headline: 'Meta tente de racheter les cerveaux d’OpenAI',
  bodyHtml: '<p>Corps</p>',
  bodyText: 'Corps',
  pubStatus: 'usable',
  versionCreated: '2026-11-26T10:00:00Z',
  ...untagged(),
});

describe('validatorFor', () => {
  const articles = validatorFor('article', CanonicalArticle);

  it('accepts a minimal canonical article and returns it', () => {
    const value = article();
    expect(articles.parse(value)).toBe(value);
  });

  it('names every bad field and why', () => {
    const bad = { ...article(), headline: '', pubStatus: 'gone', versionCreated: 'yesterday' } as Record<string, unknown>;
    delete bad.bodyText;
    const issues = articles.issues(bad);
    expect(issues).toEqual(
      expect.arrayContaining([
        { field: 'headline', reason: 'must NOT have fewer than 1 characters' },
        { field: 'bodyText', reason: 'is required' },
        { field: 'pubStatus', reason: 'must be one of the allowed values' },
        { field: 'versionCreated', reason: 'must match format "date-time"' },
      ]),
    );
    expect(() => articles.parse(bad)).toThrow(ContractViolation);
  });
});

describe('field paths', () => {
  const strict = validatorFor(
    'strict',
    Type.Object({ name: Type.String(), tags: Type.Record(Type.String(), Type.Integer()) }, { additionalProperties: false }),
  );

  it('name fields by their path, never by what the sender wrote', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const issues = strict.issues({ name: 'a', tags: { [hostile]: 'x' }, [hostile]: 1, colour: 'red' });
    expect(issues.map((i) => i.field).sort()).toEqual(['', 'tags/*']);
    expect(JSON.stringify(issues)).not.toContain('<img');
    expect(strict.issues({ name: 'a', tags: {}, colour: 'red' })).toEqual([{ field: '', reason: 'has a property "colour" that is not allowed' }]);
  });
});

describe('envelopeValidator', () => {
  const envelope = (data: unknown) => ({
    id: randomUUID(),
    type: 'news.article.ingested',
    version: 1,
    occurredAt: new Date().toISOString(),
    correlationId: 'c-1',
    producer: 'ingest',
    data,
  });

  it('validates the payload inside the envelope', () => {
    const validator = envelopeValidator('news.article.ingested');
    const ok = envelope({ action: 'submit', article: article(), receivedAt: new Date().toISOString() });
    expect(validator.parse(ok).data.article.headline).toContain('Meta');
    const issues = validator.issues(envelope({ action: 'publish', article: article() }));
    expect(issues.map((i) => i.field).sort()).toEqual(['data/action', 'data/receivedAt']);
  });

  it('rejects an envelope without an id', () => {
    const { id: _id, ...rest } = envelope({});
    expect(envelopeValidator('news.article.killed').issues(rest)).toContainEqual({ field: 'id', reason: 'is required' });
  });
});
