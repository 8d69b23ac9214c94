import { describe, it, expect } from '@jest/globals';
import { CORPUS } from '../../../../test/harness/corpus.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeText } from '../encoding/decode-text.js';
import { parseNitf } from './parse-nitf.js';

const options = { receivedAt: '2026-01-01T00:00:00.000Z' };
const parseFile = (file: string) => parseNitf(decodeText(readFileSync(path.join(CORPUS, 'nitf', file))), options);

describe('parseNitf on the corpus', () => {
  it('maps the IPTC sample: head, docdata, tobject subjects, key-list, body.head', () => {
    const [article] = parseFile('superdesk_nitf-fishing.xml');
    expect(article).toMatchObject({
      headline: 'Weather and Tide Updates for Norfolk',
      subheadline: 'A sample, fictitious NITF article',
      standfirst: 'Superb weather in Norfolk today. Tides coming in and out as per usual.',
      byline: 'By Alan Karben NITF Network News Online',
      located: 'Newport News, VA',
      externalId: 'iptc.321656141.b',
      urgency: 3,
      pubStatus: 'canceled',
      versionCreated: '2002-02-25T19:30:00.000Z',
      embargo: '2002-02-26T14:30:00.000Z',
      rights: { copyrightHolder: 'International Press Telecommunications Council' },
    });
    expect(article.subjects.map((s) => [s.code, s.scheme, s.name])).toEqual([
      ['subj:17000000', 'subj', 'Weather'],
      ['subj:17004000', 'subj', 'Statistics'],
      ['subj:04001002', 'subj', 'Fishing Industry'],
    ]);
    expect(article.keywords.map((k) => k.value)).toEqual(['fishing', 'lures', 'tides']);
    expect(article.bodyText.startsWith('The weather was superb today in Norfolk, Virginia. Made me want to take out my boat')).toBe(true);
  });

  it('reads NTB Norwegian with baselang, distributor as source, and drops media captions from the body', () => {
    const [article] = parseFile('NTB_nitf_sample.xml');
    expect(article).toMatchObject({
      headline: 'Pandemien herjer på den legeløse indiske landsbygda',
      language: 'nb-NO',
      source: 'ntb',
      versionCreated: '2021-05-16T09:00:04.000Z',
    });
    expect(article.subjects.map((s) => s.code)).toEqual(['subj:07001000', 'subj:07000000']);
    expect(article.bodyText.startsWith('Koronapandemien herjer også i landsbyer rundt omkring i India.')).toBe(true);
    expect(article.bodyHtml).toContain('<h3>Myndighetene patruljerer langs elvebredden</h3>');
  });

  it('decodes ISO-8859-1-declared NITF', () => {
    const [article] = parseFile('superdesk_nitf-ntb.xml');
    expect(article.headline).toBe('Faktisk.no: Nei, dette dokumentet beskriver ikke FNs Agenda 21 eller Agenda 2030');
    expect(article.bodyText).toContain('«[Dette dokumentet beskriver] FNs Agenda 21 og Agenda 2030»');
  });

  it('keeps byline titles apart and AP as source', () => {
    const [article] = parseFile('superdesk_ap-nitf.xml');
    expect(article.byline).toBe('By BERNARD CONDON AP Business Writer');
    expect(article.source).toBe('ap');
    expect(article.bodyText.startsWith('NEW YORK (AP) — The gas produced by hog manure')).toBe(true);
  });

  it('ignores placeholder dates ("YYYYMMDD000000-HHMM")', () => {
    const [article] = parseFile('superdesk_handle_invalid_fields.xml');
    expect(article.embargo).toBeUndefined();
    expect(article.versionCreated).toBe('2020-07-03T20:51:36.000Z');
    expect(article.urgency).toBe(2);
  });

  it('joins AAP hard wraps and drops empty paragraphs', () => {
    const [article] = parseFile('superdesk_aap.xml');
    expect(article.bodyHtml).not.toMatch(/<p><\/p>/);
    expect(article.subjects.map((s) => s.code)).toEqual(['subj:02003001', 'subj:02003002']);
  });
});
