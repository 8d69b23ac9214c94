import { describe, it, expect } from '@jest/globals';
import { CORPUS as corpus } from '../../../../test/harness/corpus.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validatorFor, DraftArticle } from '#contracts';
import { decodeText } from '../encoding/decode-text.js';
import { WireError } from '../errors.js';
import { parseFeed } from './parse-feed.js';

const read = (file: string) => decodeText(readFileSync(path.join(corpus, file)));
const opts = { receivedAt: '2026-01-01T00:00:00.000Z' };
const draft = validatorFor('draft article', DraftArticle);

function rejection(text: string): WireError {
  try {
    parseFeed(text, opts);
  } catch (error) {
    return error as WireError;
  }
  throw new Error('expected parseFeed to throw');
}

describe('parseFeed: RSS 2.0', () => {
  const { articles } = parseFeed(read('rss/feedrs_rss_2.0_wirecutter.xml'), opts);
  const [article] = articles;

  it('maps title, content:encoded, description, dc:creator, guid, link and dates', () => {
    expect(draft.issues(article)).toEqual([]);
    expect(article).toMatchObject({
      headline: 'How to Teach Someone a Board Game (and Even Have Fun Doing It)',
      byline: 'James Austin',
      externalId: 'https://www.nytimes.com/wirecutter/?p=270973',
      uri: expect.stringMatching(/^https:\/\/www\.nytimes\.com\/wirecutter\/blog\//),
      language: 'en-US',
      firstCreated: '2022-09-20T11:00:17.000Z',
      versionCreated: '2022-09-20T11:00:17.000Z',
      source: 'nytimes',
      provider: 'Wirecutter: Reviews for the Real World',
    });
    expect(article.bodyHtml).toMatch(/<p>/);
    expect(article.keywords).toEqual([{ value: 'Uncategorized', provenance: { source: 'provider', by: 'nytimes' } }]);
  });

  it('turns categories with a domain into subjects of that scheme', () => {
    const [nyt] = parseFeed(read('rss/prof18_feed-char-escape.xml'), opts).articles;
    expect(nyt.headline).toBe('Where the Grass is Greener, Except When It’s ‘Nonfunctional Turf’');
    expect(nyt.subjects[0]).toMatchObject({
      code: 'Conservation of Resources',
      scheme: 'http://www.nytimes.com/namespaces/keywords/des',
      provenance: { source: 'provider' },
    });
  });

  it('sanitises script-laden HTML and derives a headline when the item has no title', () => {
    const [crazy] = parseFeed(read('rss/feedparser_item_description_crazy.xml'), opts).articles;
    expect(crazy.bodyHtml).not.toMatch(/<script|onload|onmouseover|executeMe\(/i);
    expect(crazy.headline).toBe('Did The Javascript Execute?');
    expect(crazy.externalId).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('reads dc:date and the channel language', () => {
    const [fr] = parseFeed(read('rss/prof18_feed-dcdate.xml'), opts).articles;
    expect(fr.language).toBe('fr');
    expect(fr.versionCreated).toBe('2025-02-26T16:42:45.000Z');
    expect(fr.bodyText).toMatch(/Commission européenne/);
  });

  it('reads a date wrapped in <time datetime> and a link padded with whitespace', () => {
    const [fda] = parseFeed(read('rss/prof18_feed-test-time.xml'), opts).articles;
    expect(fda.versionCreated).toBe('2019-05-03T19:21:28.000Z');
    expect(fda.uri).toMatch(/^http:\/\/www\.fda\.gov\/\S+$/);
  });
});

describe('parseFeed: RSS 1.0 and Atom', () => {
  it('reads RSS 1.0 items beside the channel', () => {
    const { articles } = parseFeed(read('rss/feedrs_rss_1.0_iso8859.xml'), opts);
    expect(articles[0].headline).toBe('Digitalministerium: Neue Glasfaserförderung mit Schnellkasse');
    expect(articles[0].byline).toBe('Achim Sawall');
  });

  it('maps Atom entries, resolving relative links against the feed', () => {
    const [entry] = parseFeed(read('atom/feedrs_atom_relative.xml'), opts).articles;
    expect(entry.uri).toBe('https://example.com/blog/2003/12/13/atom03');
    expect(entry.externalId).toBe('urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a');
  });

  it('keeps published as firstCreated and updated as versionCreated', () => {
    const [entry] = parseFeed(read('atom/prof18_atom-feed-created-updated.xml'), opts).articles;
    expect(entry.firstCreated).toBe('2023-10-02T00:00:00.000Z');
    expect(entry.versionCreated).toBe('2023-12-22T18:46:17.000Z');
    expect(entry.language).toBe('en-US');
  });

  it('reads content type="html" whose markup was not escaped', () => {
    const [entry] = parseFeed(read('atom/prof18_feed-test-atom-content-html.xml'), opts).articles;
    expect(entry.bodyHtml).toMatch(/<a href="https:\/\/code\.cash\.app\//);
  });

  it('falls back to the summary when content is out of line (content@src)', () => {
    const [entry] = parseFeed(read('atom/feedrs_atom_content_src.xml'), opts).articles;
    expect(entry.bodyText).toMatch(/X\.509 certificates/);
  });

  it('turns Atom categories with a scheme into subjects', () => {
    const { articles } = parseFeed(read('atom/rssparser_feedburner.atom'), opts);
    expect(articles).toHaveLength(25);
    expect(articles[0].subjects[0]).toMatchObject({ code: 'adwords_api', scheme: 'http://www.blogger.com/atom/ns#' });
  });

  it('skips an entry without any text, with the reason', () => {
    expect(parseFeed(read('atom/rssparser_missing-fields.atom'), opts)).toEqual({
      articles: [],
      skipped: [{ index: 0, reason: 'Feed item has no title and no text' }],
    });
  });
});

describe('parseFeed: broken feeds', () => {
  it('recovers blank lines before the XML declaration', () => {
    expect(parseFeed(read('rss/prof18_feed-test-malformed.xml'), opts).articles).toHaveLength(1);
  });

  it('rejects a truncated CDATA section: nothing safe can be guessed', () => {
    expect(rejection(read('rss/feedparser_rss_incomplete_cdata.xml')).code).toBe('malformed-xml');
  });

  it('rejects a document with only a comment as empty', () => {
    expect(rejection(read('rss/feedparser_rss_empty_document.xml')).code).toBe('empty-document');
  });
});
