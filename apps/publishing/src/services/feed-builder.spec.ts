import { describe, expect, it } from '@jest/globals';
import { XMLParser } from 'fast-xml-parser';
import { untagged, type CanonicalArticle } from '#contracts';
import { atomErrors, jsonFeedErrors } from '../../../../test/harness/feed-validators.js';
import { renderFeed, type FeedEntry, type FeedRequest } from './feed-builder.js';

const article = (id: number, fields: Partial<CanonicalArticle>): CanonicalArticle => ({
  id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
  source: 'editor',
  version: 1,
  headline: 'Titre',
  bodyHtml: '<p>Texte.</p>',
  bodyText: 'Texte.',
  pubStatus: 'usable',
  versionCreated: '2026-12-04T10:00:00.000Z',
  ...untagged(),
  ...fields,
});

const at = (iso: string) => new Date(iso);
/** With and without byline, HTML and plain-text bodies, and the characters that break feeds in titles. */
const entries: FeedEntry[] = [
  {
    document: article(1, {
      headline: 'CDATA ends ]]> here & <b>not bold</b>',
      byline: 'Ana <Dupont> & Co',
      standfirst: 'a < b && c ]]>',
      language: 'fr',
      subjects: [{ code: 'medtop:04000000', name: 'économie, affaires & finance', origin: 'enrichment' } as never],
    }),
    publishedAt: at('2026-12-04T10:00:00Z'),
    updatedAt: at('2026-12-04T11:00:00Z'),
  },
  {
    document: article(2, {
      headline: 'Plain < text',
      bodyHtml: '<p>Deux &lt;line&gt; mots.</p>\n<p>Suite &amp; fin.</p>',
      bodyText: 'Deux <line> mots.\nSuite & fin.',
      language: 'en',
    }),
    publishedAt: at('2026-12-04T09:00:00Z'),
    updatedAt: at('2026-12-04T08:59:59Z'),
  },
];
const request: FeedRequest = {
  baseUrl: 'https://news.example',
  path: '/v1/feeds/sections/economie',
  subject: 'economie',
  entries,
  publisher: { name: 'Dépêche', author: 'La Rédaction', language: 'fr' },
};

describe('renderFeed', () => {
  it('writes Atom that the RFC 4287 schema and rules accept, titles and summaries as plain text read back as written', async () => {
    const atom = renderFeed(request, 'atom');
    expect(await atomErrors(atom)).toEqual([]);
    const feed = new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(atom).feed;
    expect(feed.entry.map((e: any) => [e.title['#text'], e.title['@_type'], e.author.name])).toEqual([
      ['CDATA ends ]]> here & <b>not bold</b>', 'text', 'Ana <Dupont> & Co'],
      ['Plain < text', 'text', 'La Rédaction'],
    ]);
    expect(feed.entry[0].summary).toEqual({ '#text': 'a < b && c ]]>', '@_type': 'text' });
    expect(feed.entry[1].updated).toBe(feed.entry[1].published);
    expect(feed['@_xml:lang']).toBe('fr');
  });

  it('writes JSON Feed 1.1 with authors, language, both contents, and date_modified never before date_published', () => {
    const json = JSON.parse(renderFeed(request, 'json'));
    expect(jsonFeedErrors(json)).toEqual([]);
    expect(json).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Dépêche: economie',
      language: 'fr',
      authors: [{ name: 'La Rédaction' }],
    });
    expect(json.items[1]).toMatchObject({
      authors: [{ name: 'La Rédaction' }],
      content_text: 'Deux <line> mots.\nSuite & fin.',
      date_modified: '2026-12-04T09:00:00.000Z',
      language: 'en',
    });
    expect(json.items[0].authors).toEqual([{ name: 'Ana <Dupont> & Co' }]);
  });

  it('is caught by the validators when it breaks a rule', async () => {
    const atom = renderFeed(request, 'atom');
    const broken = atom
      .replaceAll('type="text"', 'type="html"')
      .replace(/<author>\s*<name>Ana[^<]*<\/name>\s*<\/author>/, '')
      .replace('<published>', '<published>yesterday');
    expect(await atomErrors(broken)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^schema: .*published/),
        'entry 0: no atom:author of its own',
        'entry 0: atom:title is type="html", not plain text',
      ]),
    );
    expect(jsonFeedErrors({ version: 'https://jsonfeed.org/version/1', title: 't', items: [{ id: 'x', content_html: '' }] })).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/version/),
        'no authors on the feed',
        'no language on the feed',
        'item 0: content_html and content_text are not both there',
      ]),
    );
  });
});
