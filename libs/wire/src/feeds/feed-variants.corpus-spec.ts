import { describe, it, expect } from '@jest/globals';
import { CORPUS as corpus } from '../../../../test/harness/corpus.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DraftArticle } from '#contracts';
import { parseWire } from '../index.js';

/**
 * One real corpus document per RSS/Atom variant, read item by item through
 * the public entry: headline, body, language, dates and who wrote it.
 */
const opts = { receivedAt: '2026-01-01T00:00:00.000Z' };
const bytesOf = (file: string) => readFileSync(path.join(corpus, file));
const articlesOf = (file: string): DraftArticle[] => parseWire(bytesOf(file), undefined, opts).articles;

describe('RSS and Atom variants, item by item', () => {
  it('RSS 0.92 (Herald Sun example, ISO-8859-1): both items, no channel date handed down', () => {
    const articles = articlesOf('rss/rssparser_heraldsun.rss');
    expect(articles.map((a) => [a.headline, a.bodyText, a.language, a.firstCreated])).toEqual([
      ['The First Item', 'This is the first item.', 'en-GB', undefined],
      ['The Second Item', 'This is the second item.', 'en-GB', undefined],
    ]);
  });

  it('RSS 1.0 / RDF (Golem, ISO-8859-1): dc:creator and dc:date', () => {
    const [article] = articlesOf('rss/feedrs_rss_1.0_iso8859.xml');
    expect(article).toMatchObject({
      headline: 'Digitalministerium: Neue Glasfaserförderung mit Schnellkasse',
      byline: 'Achim Sawall',
      firstCreated: '2023-01-25T18:03:02.000Z',
      source: 'golem',
    });
    expect(article.bodyText).toMatch(/^Ab April soll es wieder Förderung für den Ausbau von Glasfaser geben/);
  });

  it('RSS 2.0 (Inovação Tecnológica, Brazilian Portuguese): CDATA description with an image, pt-BR, -0300 date, .com.br source', () => {
    const [article] = articlesOf('rss/feedrs_rss_2.0_encoding_1.xml');
    expect(article).toMatchObject({
      headline: 'Revolução nas telas com pontos quânticos impressos em 3D',
      language: 'pt-BR',
      firstCreated: '2020-08-13T09:57:55.000Z',
      source: 'inovacaotecnologica',
    });
    expect(article.bodyText).toBe(
      'A nova tecnologia permitiu criar as três cores primárias em 5.600 PPI, excedendo em muito as TVs QLED de 8K, que têm 100 PPI.',
    );
  });

  it('RSS 2.0 with its pubDate localised in Portuguese ("Qui, 13 Ago 2020") keeps the date', () => {
    const raw = bytesOf('rss/feedrs_rss_2.0_encoding_1.xml').toString('latin1').replace('Thu, 13 Aug 2020 06:57:55', 'Qui, 13 Ago 2020 06:57:55');
    const [article] = parseWire(Buffer.from(raw, 'latin1'), undefined, opts).articles;
    expect(article.firstCreated).toBe('2020-08-13T09:57:55.000Z');
  });

  it('every item of a 40-item feed (Jornal de Notícias): tracking pixels never become text, each keeps its date', () => {
    const articles = articlesOf('rss/rssparser_encoding.rss');
    expect(articles).toHaveLength(40);
    for (const article of articles) {
      expect(article.headline).toMatch(/\S/);
      expect(article.bodyHtml).not.toMatch(/feedburner|<img/);
      expect(article.firstCreated).toMatch(/^2018-01-0\dT/);
      expect(article.language).toBe('pt-PT');
    }
    expect(articles[0].bodyText).toMatch(/^Sónia Laygue, profissional na área da Recursos Humanos/);
    // A description that is only a pixel: the item is its headline.
    expect(articles[1]).toMatchObject({ headline: 'Reações dos partidos ao veto de Marcelo', bodyText: '' });
  });

  it('content:encoded is the body and description the standfirst (Wirecutter)', () => {
    const [article] = articlesOf('rss/feedrs_rss_2.0_wirecutter.xml');
    expect(article.headline).toBe('How to Teach Someone a Board Game (and Even Have Fun Doing It)');
    expect(article.standfirst).toMatch(/^Modern board games can be wonderfully complex/);
    expect(article.bodyText.length).toBeGreaterThan(article.standfirst!.length);
    expect(article).toMatchObject({ byline: 'James Austin', language: 'en-US', firstCreated: '2022-09-20T11:00:17.000Z' });
  });

  it('entity-escaped HTML in content:encoded is markup, not text (instant article)', () => {
    const [article] = articlesOf('rss/rssparser_instant-article.rss');
    expect(article.bodyHtml).toContain('<b>Lorem</b> ipsum');
    expect(article.bodyText).toBe('Lorem ipsum');
  });

  it('media RSS (Motor.ru): enclosures and media are not text; author and +0300 date', () => {
    const [article] = articlesOf('rss/prof18_feed-test-multiple-image-and-video.xml');
    expect(article).toMatchObject({
      headline: 'Kia сомневается в перспективах Stinger второго поколения',
      byline: 'Александр Пономарев',
      firstCreated: '2020-04-25T07:00:00.000Z',
    });
    expect(article.bodyText).not.toMatch(/https?:|\.jpg|\.mp4/);
  });

  it('dc:date instead of pubDate, numeric entities, xml:lang (Reporterre)', () => {
    const [article] = articlesOf('rss/prof18_feed-dcdate.xml');
    expect(article.headline).toMatch(/^Europe\s: vers un «\saffaiblissement historique\s» des normes écologiques\s\?$/);
    expect(article).toMatchObject({ language: 'fr', firstCreated: '2025-02-26T16:42:45.000Z' });
  });

  it('a non-RFC 822 date ("2019-05-18 10:52:50 +0300", Argumenty i Fakty)', () => {
    const [article] = articlesOf('rss/prof18_feed-test-ru.xml');
    expect(article).toMatchObject({ language: 'ru-RU', firstCreated: '2019-05-18T07:52:50.000Z' });
    expect(article.headline).toBe('СМИ: собака в Таиланде спасла заживо похороненного младенца');
  });

  it('Atom 1.0 (RFC 4287 example): title, author, updated', () => {
    const [article] = articlesOf('atom/feedrs_atom_spec_1.xml');
    expect(article).toMatchObject({
      headline: 'Atom-Powered Robots Run Amok',
      bodyText: 'Some text.',
      byline: 'John Doe',
      versionCreated: '2003-12-13T18:30:02.000Z',
    });
  });

  it('Atom published vs updated (tonsky.me)', () => {
    const [article] = articlesOf('atom/prof18_atom-feed-created-updated.xml');
    expect(article).toMatchObject({ firstCreated: '2023-10-02T00:00:00.000Z', versionCreated: '2023-12-22T18:46:17.000Z', language: 'en-US' });
  });

  it('Atom content type=html with raw markup (Jake Wharton)', () => {
    const [article] = articlesOf('atom/prof18_feed-test-atom-content-html.xml');
    expect(article.bodyText).toMatch(/^This post was published externally on Cash App Code Blog/);
    expect(article.bodyHtml).toMatch(/<a href="https:\/\/code\.cash\.app/);
  });

  it('Atom with media RSS (NewsCred-style): media title and description are not the body', () => {
    const [article] = articlesOf('atom/feedrs_atom_mediarss_newscred_1.xml');
    expect(article).toMatchObject({ headline: 'The Day Off: Tampa', bodyText: 'Some text', byline: 'Some author' });
  });
});
