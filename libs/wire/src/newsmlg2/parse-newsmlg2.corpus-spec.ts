import { describe, it, expect } from '@jest/globals';
import { CORPUS } from '../../../../test/harness/corpus.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeText } from '../encoding/decode-text.js';
import { wireErrorOf } from '../testing/wire-error-of.js';
import { parseNewsMlG2 } from './parse-newsmlg2.js';

const options = { receivedAt: '2026-01-01T00:00:00.000Z' };
const corpus = (file: string) => decodeText(readFileSync(path.join(CORPUS, file)));
const parseFile = (file: string) => parseNewsMlG2(corpus(file), options);

const rejection = wireErrorOf;

describe('parseNewsMlG2 on the corpus', () => {
  it('reads a dpa flash: XHTML body without the repeated header, urgency, dateline, German', () => {
    const [article] = parseFile('newsmlg2/agency-samples/dpa_eil.xml');
    expect(article).toMatchObject({ headline: 'Grünen-Spitze tritt nach Wahlniederlagen ab', language: 'de', urgency: 2, source: 'dpa' });
    expect(article.dateline).toBe('Berlin (dpa)');
    expect(article.bodyText.startsWith('Berlin (dpa) - Die Grünen-Spitze zieht nach den Misserfolgen')).toBe(true);
    expect(article.bodyHtml).not.toContain('<h1>');
    expect(article.subjects.map((s) => s.code)).toContain('medtop:20000651');
    expect(article.rights?.copyrightNotice).toBe('Copyright 2024, dpa (www.dpa.de). Alle Rechte vorbehalten');
  });

  it('keeps tables of a results item', () => {
    const [article] = parseFile('newsmlg2/agency-samples/dpa_spe_tab.xml');
    expect(article.version).toBe(33);
    expect(article.bodyHtml).toContain('<table>');
  });

  it('gives one article per text item of a newsMessage (AP)', () => {
    const articles = parseFile('superdesk-fixtures/ap_newsmlg2.xml');
    expect(articles.map((a) => a.headline)).toEqual([
      'Nutrisystem beats 4Q earnings and revenue expectations',
      'DiamondRock Hospitality posts 4Q FFO of $50.7 million, results top expectations',
      'Scripps Networks tops 4Q profit and revenue expectations',
    ]);
    expect(articles[0].dateline).toBe('FORT WASHINGTON, Pa.');
  });

  it('takes the text item of a message whose other item is a picture', () => {
    const [article] = parseFile('newsmlg2/agency-samples/dpa_empty_paragraph.xml');
    expect(article.language).toBe('es');
    expect(article.headline).toContain('Netanyahu acusa al TPI');
    expect(article.bodyHtml).not.toMatch(/<p>\s*<\/p>/);
  });

  it('reads ANSA plain-text inlineData into paragraphs, with the subheadline', () => {
    const [article] = parseFile('superdesk-fixtures/ansa_newsmlg2_text.xml');
    expect(article.subheadline).toBe('Foreign minister expresses faith in Spanish government');
    expect(article.bodyText.split('\n')[0]).toBe(
      '(ANSA) - Rome, October 11 - Italian Foreign Minister Angelino Alfano has said that the Catalan independence declaration is unacceptable.',
    );
    expect(article.bodyText).not.toContain('<p>');
  });

  it('moves a body that is only a byline into the byline (Reuters)', () => {
    const [article] = parseFile('superdesk-fixtures/reuters_newsmlg2_text.xml');
    expect(article).toMatchObject({ byline: 'Toby Davis', bodyText: '', version: 263518268, source: 'reuters' });
  });

  it('recovers the BusinessDesk item despite its non-G2 header and space-separated dates', () => {
    const [article] = parseFile('superdesk-fixtures/scoop_businessdesk_newsmlg2_malformed.xml');
    expect(article.headline).toBe('Dick Smith receivers install Don Grover as acting CEO as Abboud quits; retailer put up for sale');
    expect(article.versionCreated).toBe('2016-01-12T12:35:40.000Z');
    expect(article.byline).toBe('Jonathan Underhill');
    expect(article.embargo).toBeUndefined();
  });

  it.each([
    ['newsmlg2/agency-samples/dpa_image.xml', /picture item/],
    ['newsmlg2/iptc-examples/LISTING_4_Multiple_Renditions_of_a_Video_in_NewsML-G2.xml', /video item/],
    ['newsmlg2/iptc-examples/LISTING_10_Abstract_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml', /concept item/],
    ['newsmlg2/iptc-examples/LISTING_17_Planning_Item_a_CCL.xml', /planning item/],
    ['newsmlg2/python-newsmlg2-tests/002_knowledgeitem.xml', /knowledge item/],
    ['newsmlg2/iptc-examples/LISTING_6_Simple_NewsML-G2_Package.xml', /only references its items/],
  ])('rejects %s as no-text-item, saying what it is', (file, reason) => {
    const error = rejection(() => parseFile(file));
    expect(error.code).toBe('no-text-item');
    expect(error.message).toMatch(reason);
  });
});
