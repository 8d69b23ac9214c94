import { describe, it, expect } from '@jest/globals';
import { CORPUS as corpus } from '../../../../test/harness/corpus.js';
import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { WireError, decodeWire, parseWire } from '../index.js';

/**
 * Charsets nobody declared, and declarations that lie. Real corpus documents
 * are re-encoded with iconv-lite and their XML declaration removed, so the
 * detector has only the bytes; where the corpus has no text in a script, real
 * published data is used instead (country names from i18n-iso-countries).
 */
const read = (file: string) => readFileSync(path.join(corpus, file), 'utf8');
const undeclared = (file: string) => read(file).replace(/^\s*<\?xml[^>]*\?>/, '');
const opts = { receivedAt: '2026-01-01T00:00:00.000Z' };
const countries = createRequire(import.meta.url)('i18n-iso-countries') as { getNames(lang: string): Record<string, string> };

/** A plain-text page: a headline line, then one paragraph of the language's country names. */
function namesPage(lang: string): string {
  const names = Object.values(countries.getNames(lang));
  return `${names.slice(0, 8).join(', ')}\n\n${names.join(', ')}.\n`;
}

describe('charset detection over undeclared bytes', () => {
  it.each([
    ['koi8-r', 'rss/prof18_feed-test-ru.xml'],
    ['windows-1251', 'rss/prof18_feed-test-ru.xml'],
    ['gb18030', 'newsml1/businesswire-newsml-20130612006110.xml'],
    ['big5', 'newsml1/businesswire-newsml-20130605006126.xml'],
  ])('%s: %s parses to the same articles as its UTF-8 original, and says how it was decoded', (charset, file) => {
    const original = parseWire(Buffer.from(undeclared(file)), undefined, opts);
    const bytes = iconv.encode(undeclared(file), charset);
    const result = parseWire(bytes, undefined, opts);
    const roundTrip = parseWire(Buffer.from(iconv.decode(bytes, charset)), undefined, opts);
    expect(result.articles.map((a) => a.headline)).toEqual(roundTrip.articles.map((a) => a.headline));
    expect(result.articles.map((a) => a.bodyText)).toEqual(roundTrip.articles.map((a) => a.bodyText));
    // What the charset can represent is unchanged (Big5 lacks a few of the simplified characters).
    if (charset !== 'big5') expect(result.articles[0].headline).toBe(original.articles[0].headline);
    expect(result.articles[0].origin).toMatchObject({ charset, charsetFrom: 'detection', charsetConfidence: expect.any(Number) });
    expect(result.articles[0].origin?.charsetConfidence).toBeGreaterThan(0);
  });

  it('shift_jis: IPTC LISTING_10 with its Japanese definition', () => {
    const text = undeclared('newsmlg2/iptc-examples/LISTING_10_Abstract_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml');
    const decoded = decodeWire(iconv.encode(text, 'shift_jis'));
    expect(decoded).toMatchObject({ charset: 'shift_jis', from: 'detection' });
    expect(decoded.text).toContain('人間の精神や興味、技能、嗜好、感情の進歩や洗練に関係する事柄');
  });

  it.each([
    ['cs', 'iso-8859-2', ['iso-8859-2']],
    ['pl', 'windows-1250', ['windows-1250']],
    ['el', 'iso-8859-7', ['iso-8859-7']],
    ['el', 'windows-1253', ['windows-1253']],
    // windows-1254 differs from ISO-8859-9 only in bytes 0x80-0x9F, which Turkish letters do not use.
    ['tr', 'windows-1254', ['windows-1254', 'iso-8859-9']],
    ['tr', 'iso-8859-9', ['iso-8859-9']],
  ])('%s in %s', (lang, charset, accepted) => {
    // What the charset can represent ("Ålandy" has no ISO-8859-2 Å).
    const page = iconv.decode(iconv.encode(namesPage(lang), charset), charset);
    const { articles } = parseWire(iconv.encode(page, charset), 'text/plain', opts);
    expect(articles[0].bodyText).toBe(page.split('\n')[2]);
    expect(accepted).toContain(articles[0].origin?.charset);
    expect(articles[0].origin?.charsetFrom).toBe('detection');
  });

  it('records the declaration when there is one, the transport before it', () => {
    const [fromXml] = parseWire(readFileSync(path.join(corpus, 'rss/rssparser_heraldsun.rss')), undefined, opts).articles;
    expect(fromXml.origin).toMatchObject({ format: 'rss', charset: 'iso-8859-1', charsetFrom: 'declaration' });
    const bytes = iconv.encode(undeclared('rss/prof18_feed-test-ru.xml'), 'koi8-r');
    const [fromHeader] = parseWire(bytes, 'application/rss+xml; charset=KOI8-R', opts).articles;
    expect(fromHeader.origin).toMatchObject({ charset: 'koi8-r', charsetFrom: 'transport' });
  });
});

describe('bytes declared UTF-8 that are not', () => {
  it('are decoded by a confident detection (Jornal de Noticias, ISO-8859-1 relabelled UTF-8)', () => {
    const raw = readFileSync(path.join(corpus, 'rss/rssparser_encoding.rss')).toString('latin1');
    const lying = Buffer.from(raw.replace(/encoding="ISO-8859-1"/i, 'encoding="UTF-8"'), 'latin1');
    const truthful = parseWire(readFileSync(path.join(corpus, 'rss/rssparser_encoding.rss')), undefined, opts);
    const result = parseWire(lying, undefined, opts);
    expect(result.articles.map((a) => a.headline)).toEqual(truthful.articles.map((a) => a.headline));
    expect(result.articles[0].origin).toMatchObject({ charset: 'iso-8859-1', charsetFrom: 'detection' });
  });

  it('dpa 7901 with a Latin-1 byte sent as charset=utf-8 is decoded by detection', () => {
    const bytes = readFileSync(path.join(corpus, 'superdesk-fixtures/IPTC7901_odd_charset.txt'));
    const { articles } = parseWire(bytes, 'text/plain; charset=utf-8', opts);
    expect(articles[0].origin).toMatchObject({ charset: 'iso-8859-1', charsetFrom: 'detection' });
    expect(articles[0].bodyText).not.toContain('\ufffd');
  });

  it('are refused with invalid-encoding when the detector is not confident (UTF-8 with a broken sequence)', () => {
    const ru = readFileSync(path.join(corpus, 'rss/prof18_feed-test-ru.xml'));
    const broken = Buffer.concat([ru.subarray(0, 2000), Buffer.from([0xff]), ru.subarray(2000)]);
    let error: unknown;
    try {
      parseWire(broken, undefined, opts);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WireError);
    expect(error).toMatchObject({ code: 'invalid-encoding', message: expect.stringMatching(/declares UTF-8 but the bytes are not valid UTF-8/) });
  });
});
