import { describe, it, expect } from '@jest/globals';
import { CORPUS } from '../../../../test/harness/corpus.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validatorFor, DraftArticle } from '#contracts';
import { decodeText } from '../encoding/decode-text.js';
import { parseIptc7901 } from './parse-iptc7901.js';

const opts = { receivedAt: '2026-01-01T00:00:00.000Z' };
const draft = validatorFor('draft article', DraftArticle);
const fixture = (file: string) => decodeText(readFileSync(path.join(CORPUS, 'superdesk-fixtures', file)));

describe('parseIptc7901 on the real fixtures', () => {
  it('reads dpa IPTC7901.txt', () => {
    const [article] = parseIptc7901(fixture('IPTC7901.txt'), opts).articles;
    expect(draft.issues(article)).toEqual([]);
    expect(article.headline).toBe('Germany Social Democrats: Coalition talks with Merkel could fail');
    expect(article.source).toBe('dpa');
    expect(article.versionCreated).toBe('2013-11-13T11:37:00.000Z');
    expect(article.bodyText).toMatch(/^Berlin \(dpa\) - Negotiations/);
    expect(article.bodyText).not.toMatch(/NOTEBOOK|not for publication|Wolfgang/);
    expect(article.bodyText.split('\n')).toHaveLength(5);
  });

  it('reads dpa IPTC7901_odd_charset.txt despite its Latin-1 byte', () => {
    const [article] = parseIptc7901(fixture('IPTC7901_odd_charset.txt'), opts).articles;
    expect(article.headline).toBe('German football saddened by illness to striker legend Mueller');
    expect(article.byline).toBe('By Manuel Schwarz, dpa');
    expect(article.urgency).toBe(3);
    expect(article.subjects[0].code).toBe('iptc7901-category:s');
  });

  it('reads AP anpa-1.tst', () => {
    const [article] = parseIptc7901(fixture('anpa-1.tst'), opts).articles;
    expect(draft.issues(article)).toEqual([]);
    expect(article.headline).toBe('For Argentine chemo patients, mirrors can hurt');
    expect(article.byline).toBe('By PAUL BYRNE and ALMUDENA CALATRAVA, Associated Press');
    expect(article.located).toBe('BUENOS AIRES, Argentina');
    expect(article.versionCreated).toBe('2013-11-13T15:09:00.000Z');
    expect(article.urgency).toBe(1);
  });

  it('reads a wire capture of several messages one by one (two real dpa messages back to back)', () => {
    const { articles, skipped } = parseIptc7901(`${fixture('IPTC7901.txt')}\r\n${fixture('IPTC7901_odd_charset.txt')}`, opts);
    expect(skipped).toEqual([]);
    expect(articles.map((a) => a.headline.slice(0, 45))).toEqual([
      'Germany Social Democrats: Coalition talks wit',
      'German football saddened by illness to strike',
    ]);
    expect(articles.map((a) => a.externalId)).toEqual(['eca062', 'eca100']);
  });
});
