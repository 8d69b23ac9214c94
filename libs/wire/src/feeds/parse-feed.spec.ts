import { describe, it, expect } from '@jest/globals';
import { validatorFor, DraftArticle } from '#contracts';
import { decodeText } from '../encoding/decode-text.js';
import { wireErrorOf } from '../testing/wire-error-of.js';
import { parseFeed } from './parse-feed.js';
import { fixtureBytes } from '../../../../test/harness/fixtures.js';

const opts = { receivedAt: '2026-01-01T00:00:00.000Z' };
const draft = validatorFor('draft article', DraftArticle);
const read = (file: string) => decodeText(fixtureBytes(file));

describe('parseFeed on the example feeds', () => {
  it('RSS 2.0 in ISO-8859-1: content:encoded as the body, description as the standfirst, script dropped', () => {
    const { articles } = parseFeed(read('wire/rss-latin1-pt.xml'), opts);
    expect(articles).toHaveLength(2);
    for (const article of articles) expect(draft.issues(article)).toEqual([]);
    expect(articles[0]).toMatchObject({
      headline: 'Câmara do Porto aprova orçamento de 2027',
      uri: 'https://jornal.example.org/economia/orcamento-porto-2027',
      externalId: 'jornal-exemplo-2026-0312-01',
      byline: 'Inês Carvalho',
      language: 'pt-PT',
      versionCreated: '2026-03-12T09:30:00.000Z',
      standfirst: 'A Câmara Municipal do Porto aprovou o orçamento para 2027.',
    });
    expect(articles[0].bodyText).toMatch(/^A Câmara Municipal do Porto aprovou esta quinta-feira/);
    expect(articles[0].bodyHtml).not.toContain('script');
    expect(articles[1].bodyText).toBe('O preço da gasolina vai descer dois cêntimos por litro na próxima semana.');
  });

  it('Atom 1.0: relative link resolved, author, published as firstCreated and updated as versionCreated', () => {
    const [entry] = parseFeed(read('wire/atom-en.xml'), opts).articles;
    expect(entry).toMatchObject({
      headline: 'Volunteers count a record number of seals on the Norfolk coast',
      uri: 'https://gazette.example.org/science/seal-count-2026',
      byline: 'Priya Nair',
      language: 'en',
      firstCreated: '2026-03-12T10:00:00.000Z',
      versionCreated: '2026-03-12T11:45:00.000Z',
    });
    expect(entry.bodyText).toMatch(/^Volunteers counted more than 4,000 grey seal pups at Blakeney Point/);
  });
});

describe('parseFeed: items without text', () => {
  const rss = (items: string) => `<rss version="2.0"><channel><title>Headlines</title><link>https://news.test/</link>${items}</channel></rss>`;

  it('keeps a title and a link as a brief that links to its source', () => {
    const { articles } = parseFeed(rss('<item><title>Strike called off</title><link>https://news.test/a/1</link><description></description></item>'), opts);
    expect(articles).toHaveLength(1);
    expect(draft.parse(articles[0])).toBe(articles[0]);
    expect(articles[0]).toMatchObject({ headline: 'Strike called off', bodyText: '', uri: 'https://news.test/a/1', genre: 'brief' });
  });

  it('refuses a title with neither text nor link, saying so', () => {
    const { articles, skipped } = parseFeed(rss('<item><title>Strike called off</title><guid isPermaLink="false">x1</guid></item>'), opts);
    expect(articles).toEqual([]);
    expect(skipped).toEqual([{ index: 0, reason: 'Feed item has a title but no text and no link to read it at' }]);
  });

  it('gives an item with text no genre', () => {
    const [article] = parseFeed(rss('<item><title>t</title><link>https://news.test/a/2</link><description>Text.</description></item>'), opts).articles;
    expect(article!.genre).toBeUndefined();
  });
});

describe('parseFeed: broken feeds', () => {
  it('recovers an unterminated final end tag and bare ampersands', () => {
    const text = '<rss version="2.0"><channel><item><title>AT&T profits</title><link>http://x.test/?a=1&b=2</link></item></channel></rss';
    const [article] = parseFeed(text, opts).articles;
    expect(article.headline).toBe('AT&T profits');
    expect(article.uri).toBe('http://x.test/?a=1&b=2');
  });

  it('recovers blank lines before the XML declaration', () => {
    expect(parseFeed(`\n\n${read('wire/atom-en.xml')}`, opts).articles).toHaveLength(1);
  });

  it('rejects a truncated CDATA section: nothing safe can be guessed', () => {
    const truncated = '<rss version="2.0"><channel><item><title>t</title><description><![CDATA[<p>cut';
    expect(wireErrorOf(() => parseFeed(truncated, opts)).code).toBe('malformed-xml');
  });

  it('rejects XML that is not a feed', () => {
    expect(wireErrorOf(() => parseFeed('<nitf><head/></nitf>', opts)).code).toBe('unsupported-format');
  });
});
