import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeText } from '../encoding/decode-text.js';
import { wireErrorOf } from '../testing/wire-error-of.js';
import { parseNewsMlG2 } from './parse-newsmlg2.js';

const options = { receivedAt: '2026-01-01T00:00:00.000Z' };
const corpus = (file: string) => decodeText(readFileSync(path.resolve(process.cwd(), '../shared/corpus', file)));
const parseFile = (file: string) => parseNewsMlG2(corpus(file), options);

const rejection = wireErrorOf;

/** A minimal text newsItem; `meta` and `content` are spliced into itemMeta / contentSet. */
const item = ({ meta = '', contentMeta = '', content = '', attrs = '' } = {}) =>
  `<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:test:1" version="4" xml:lang="fr" ${attrs}>
    <itemMeta><itemClass qcode="ninat:text"/><provider literal="AFP"/>${meta}</itemMeta>
    <contentMeta><headline>Titre</headline>${contentMeta}</contentMeta>
    <contentSet>${content}</contentSet>
  </newsItem>`;

describe('parseNewsMlG2 on the corpus', () => {
  it('maps the IPTC text document (NITF inside inlineXML)', () => {
    const [article] = parseFile('newsmlg2/iptc-examples/LISTING_2_NewsML-G2_Text_Document.xml');
    expect(article).toMatchObject({
      headline: 'Fed to halt QE to avert "bubble"',
      externalId: 'urn:newsml:acmenews.com:20161121:US-FINANCE-FED',
      uri: 'urn:newsml:acmenews.com:20161121:US-FINANCE-FED',
      version: 11,
      language: 'en-US',
      byline: 'Meredith Jameson',
      located: 'New York, NY',
      pubStatus: 'usable',
      versionCreated: '2018-11-21T21:25:32.000Z',
      firstCreated: '2016-11-21T20:21:06.000Z',
      rights: { copyrightHolder: 'Acme News and Media LLC', copyrightNotice: 'Copyright 2017-18 Acme News and Media LLC' },
    });
    expect(article.bodyText.startsWith('(New York, NY - October 21) Et, sent luptat luptat, commy Nim zzriureet')).toBe(true);
    expect(article.subjects.map((s) => s.code)).toEqual(['medtop:04000000', 'medtop:20000350', 'medtop:20000379']);
    expect(article.subjects[0]).toEqual({
      code: 'medtop:04000000',
      scheme: 'medtop',
      name: 'economy, business and finance',
      provenance: { source: 'provider', by: 'http://www.acmenews.com/about/' },
    });
  });

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

  it('maps embargoed and the item language of the IPTC news item', () => {
    const [article] = parseFile('newsmlg2/iptc-examples/LISTING_1_A_NewsML-G2_News_Item.xml');
    expect(article.embargo).toBe('2018-10-23T12:00:00.000Z');
    expect(article.language).toBe('en-GB');
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

describe('parseNewsMlG2 on synthetic items', () => {
  it('maps pubStatus canceled and withheld', () => {
    expect(parseNewsMlG2(item({ meta: '<pubStatus qcode="stat:canceled"/>' }), options)[0].pubStatus).toBe('canceled');
    expect(parseNewsMlG2(item({ meta: '<pubStatus qcode="stat:withheld"/>' }), options)[0].pubStatus).toBe('withheld');
  });

  it('falls back to receivedAt for versionCreated and to provider name for source', () => {
    const [article] = parseNewsMlG2(item(), options);
    expect(article).toMatchObject({ versionCreated: options.receivedAt, source: 'afp', provider: 'AFP', version: 4, language: 'fr' });
  });

  it('maps description roles, keywords and a summary standfirst', () => {
    const [article] = parseNewsMlG2(
      item({
        contentMeta: '<description role="drol:summary">Le chapeau.</description><keyword>budget</keyword><urgency>3</urgency>',
        content: '<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Corps <script>x()</script>du texte.</p></body></html></inlineXML>',
      }),
      options,
    );
    expect(article).toMatchObject({ standfirst: 'Le chapeau.', urgency: 3, bodyText: 'Corps du texte.' });
    expect(article.keywords).toEqual([{ value: 'budget', provenance: { source: 'provider', by: 'AFP' } }]);
  });

  it('takes inline text items of a newsMessage that also carries a package', () => {
    const message = `<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>
      <packageItem guid="pkg"><itemMeta><itemClass qcode="ninat:composite"/></itemMeta></packageItem>
      ${item({ content: '<inlineData contenttype="text/plain">Premier paragraphe.\n\nSecond.</inlineData>' })}
    </itemSet></newsMessage>`;
    const [article] = parseNewsMlG2(message, options);
    expect(article.bodyHtml).toBe('<p>Premier paragraphe.</p>\n<p>Second.</p>');
  });

  it('rejects a newsItem without itemMeta as schema-invalid and an empty message as empty-document', () => {
    expect(rejection(() => parseNewsMlG2('<newsItem guid="x"/>', options)).code).toBe('schema-invalid');
    expect(rejection(() => parseNewsMlG2('<newsMessage><itemSet/></newsMessage>', options)).code).toBe('empty-document');
  });

  it('rejects other XML as unsupported-format', () => {
    expect(rejection(() => parseNewsMlG2('<rss version="2.0"/>', options)).code).toBe('unsupported-format');
  });
});
