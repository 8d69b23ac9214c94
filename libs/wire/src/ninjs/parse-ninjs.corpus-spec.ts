import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validatorFor, DraftArticle } from '#contracts';
import { parseNinjs } from './parse-ninjs.js';
import { CORPUS } from '../../../../test/harness/corpus.js';

const corpus = path.join(CORPUS, 'ninjs');
const read = (file: string) => readFileSync(path.join(corpus, file), 'utf8');
const opts = { receivedAt: '2026-01-01T00:00:00.000Z' };
const draft = validatorFor('draft article', DraftArticle);

describe('parseNinjs on the corpus', () => {
  it('maps a ninjs 1.x text item', () => {
    const { articles } = parseNinjs(read('examples/guidelines-1.6/004_simple_text_article.json'), opts);
    expect(articles).toHaveLength(1);
    const [article] = articles;
    expect(draft.parse(article)).toBe(article);
    expect(article.headline).toMatch(/\S/);
    expect(article.bodyHtml).toMatch(/^<p>/);
    expect(article.bodyText).not.toMatch(/</);
  });

  it('maps a ninjs 2.x item: headlines, bodies, by, subjects with IPTC scheme aliases', () => {
    const [article] = parseNinjs(read('examples/2.1/dpa_text.json'), opts).articles;
    expect(draft.issues(article)).toEqual([]);
    expect(article.uri).toBeDefined();
    expect(article.language).toBe('de');
    expect(article.bodyText.length).toBeGreaterThan(100);
  });

  it('maps a ninjs 3.x item with camelCase properties', () => {
    const [article] = parseNinjs(read('examples/3.0/ntb_text.json'), opts).articles;
    expect(draft.issues(article)).toEqual([]);
    expect(article.versionCreated).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(article.versionCreated).not.toBe(opts.receivedAt);
  });

  it('reads a top-level array as a batch, item by item', () => {
    const result = parseNinjs(read('examples/3.0/collection/20231016-event-timeline-sample.json'), opts);
    expect(result.articles).toEqual([]);
    expect(result.skipped).toHaveLength(14);
    expect(result.skipped[0]).toEqual({ index: 0, reason: expect.stringMatching(/not valid ninjs 3.1|not an article|neither/) });
  });

  it('takes the story from descriptions[role=text] when there is no body (NTB, ninjs 3.0)', () => {
    const [article] = parseNinjs(read('examples/3.0/ntb_text.json'), opts).articles;
    expect(article.bodyText).toMatch(/^IT-giganten Google har kjøpt en tomt/);
    expect(article.standfirst).toBeUndefined();
    expect(article.origin).toEqual({ bodyFrom: 'descriptions[text]' });
  });

  it('skips an empty bodies[main] for descriptions[role=text] (dpa ninjs 2.1, body moved as 2.x senders do)', () => {
    const doc = JSON.parse(read('examples/2.1/dpa_text.json'));
    const story = doc.bodies[0].value as string;
    doc.bodies = [{ role: 'main', contenttype: 'text/html', value: '<p> </p>' }];
    doc.descriptions = [...(doc.descriptions ?? []), { role: 'text', contenttype: 'text/html', value: story }];
    const [article] = parseNinjs(JSON.stringify(doc), opts).articles;
    expect(article.bodyText.length).toBeGreaterThan(100);
    expect(article.origin?.bodyFrom).toBe('descriptions[text]');
  });

  it('prefers body_html over body_text in 1.x', () => {
    const [article] = parseNinjs(read('examples/guidelines-1.6/004_simple_text_article.json'), opts).articles;
    expect(article.origin?.bodyFrom).toMatch(/^body_/);
  });
});
