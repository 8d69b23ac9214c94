import { describe, expect, it } from '@jest/globals';
import { XMLParser } from 'fast-xml-parser';
import { untagged, type CanonicalArticle } from '#contracts';
import { newsMlG2Errors } from '../../../../test/harness/newsml-g2.js';
import { toNewsMlG2, toNewsMlG2Cancel } from './newsml-g2-writer.js';

const ID = '3b0c7d2e-8f41-4c7a-9d55-0c1f2a3b4c5d';
const enrichment = (confidence?: number) => ({ source: 'enrichment' as const, by: 'nlp@test', ...(confidence === undefined ? {} : { confidence }) });

/** Every field the mapper reads, and the characters and markup that break XML when written carelessly. */
const full: CanonicalArticle = {
  id: ID,
  source: 'afp',
  externalId: 'urn:newsml:afp.com:20261207:abc',
  uri: 'https://www.example.fr/economie/budget',
  version: 3,
  headline: 'Budget 2027 : Bercy & les « ménages » <d’abord>',
  subheadline: 'Un sous-titre',
  standfirst: 'Le gouvernement présente son budget, 1 < 2 && "quotes".',
  bodyHtml:
    '<p>Premier paragraphe &amp; suite&nbsp;: 5 % <br>ligne<img src="https://img.example/a.jpg" alt="A &quot;B&quot;"></p><p>Sans fin<table><tr><td colspan="2">c</td></tr></table>',
  bodyText: 'Premier paragraphe & suite : 5 % ligne\nSans fin c',
  byline: 'Marie Dupont, AFP',
  dateline: 'PARIS, 7 déc. 2026',
  located: 'Paris',
  language: 'fr',
  section: 'Économie',
  genre: 'brief',
  urgency: 3,
  pubStatus: 'usable',
  firstCreated: '2026-12-07T08:00:00.000Z',
  versionCreated: '2026-12-07T09:30:00.000Z',
  provider: 'AFP',
  rights: { copyrightHolder: 'AFP', copyrightNotice: '© AFP 2026', usageTerms: 'Pas de reprise sans accord.' },
  subjects: [
    { code: 'medtop:04000000', scheme: 'medtop', name: 'économie, affaires et finance', score: 0.8, provenance: enrichment(0.8) },
    { code: 'afp:ECO', scheme: 'afp', name: 'Eco', provenance: { source: 'provider' } },
  ],
  people: [{ id: 'Q7407093', name: 'Sam Altman', type: 'person', count: 1, mentions: [], provenance: enrichment(0.9) }],
  organisations: [{ id: 'org:meta', name: 'Meta', type: 'organisation', count: 1, mentions: [], provenance: enrichment(0.7) }],
  places: [{ id: 'Q90', name: 'Paris', type: 'place', count: 1, mentions: [], provenance: enrichment() }],
  keywords: [{ value: 'budget', provenance: enrichment() }],
  related: [],
  corrections: [{ note: 'Le montant était faux.', revision: 3, correctedAt: '2026-12-07T09:30:00.000Z' }],
  facts: { wordCount: 9, slug: 'budget-2027', tagger: 'nlp@test', enrichedAt: '2026-12-07T09:00:00.000Z' },
};

const minimal: CanonicalArticle = {
  id: ID,
  source: 'editor',
  version: 1,
  headline: 'Titre',
  bodyHtml: '',
  bodyText: '',
  pubStatus: 'usable',
  versionCreated: '2026-12-07T09:30:00.000Z',
  ...untagged(),
};

const parse = (xml: string) =>
  new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    isArray: (name) => ['subject', 'headline', 'edNote'].includes(name),
  }).parse(xml).newsItem as Record<string, any>;
const options = { provider: 'Dépêche' };

describe('toNewsMlG2', () => {
  it('writes news items the NewsML-G2 2.35 schema accepts, full or bare', async () => {
    for (const article of [full, minimal, { ...minimal, pubStatus: 'canceled' as const }]) {
      const xml = toNewsMlG2(article, { revision: 4, updatedAt: new Date('2026-12-07T10:00:00Z') }, options);
      expect(await newsMlG2Errors(xml)).toEqual([]);
    }
  });

  it('carries identity, version, status, rights and the correction signal', () => {
    const item = parse(toNewsMlG2(full, { revision: 3, updatedAt: new Date('2026-12-07T10:00:00Z') }, options));
    expect(item).toMatchObject({ guid: `urn:depeche:article:${ID}`, version: '3', standard: 'NewsML-G2', 'xml:lang': 'fr' });
    expect(item.itemMeta).toMatchObject({
      itemClass: { qcode: 'ninat:text' },
      provider: { literal: 'Dépêche' },
      versionCreated: '2026-12-07T10:00:00.000Z',
      firstCreated: '2026-12-07T08:00:00.000Z',
      pubStatus: { qcode: 'stat:usable' },
      edNote: ['Le montant était faux.'],
      signal: { qcode: 'sig:correction' },
      link: { rel: 'irel:seeAlso', href: 'https://www.example.fr/economie/budget' },
    });
    expect(item.rightsInfo).toMatchObject({ copyrightNotice: '© AFP 2026', usageTerms: 'Pas de reprise sans accord.' });
    // The signal belongs to the revision that carried the correction only.
    expect(parse(toNewsMlG2(full, { revision: 4 }, options)).itemMeta.signal).toBeUndefined();
  });

  it('gives topics as Media Topics QCodes and entities as Wikidata QCodes, with their nature and confidence', () => {
    const { contentMeta } = parse(toNewsMlG2(full, { revision: 3 }, options));
    const subjects = (contentMeta.subject as Array<Record<string, any>>).map(({ type, qcode, literal, confidence, name }) => ({
      type,
      qcode,
      literal,
      confidence,
      name,
    }));
    expect(subjects).toEqual([
      { type: 'cpnat:abstract', qcode: 'medtop:04000000', literal: undefined, confidence: '80', name: 'économie, affaires et finance' },
      { type: 'cpnat:abstract', qcode: undefined, literal: 'afp:ECO', confidence: undefined, name: 'Eco' },
      { type: 'cpnat:abstract', qcode: undefined, literal: 'section:Économie', confidence: undefined, name: 'Économie' },
      { type: 'cpnat:person', qcode: 'wikidata:Q7407093', literal: undefined, confidence: '90', name: 'Sam Altman' },
      { type: 'cpnat:organisation', qcode: undefined, literal: 'org:meta', confidence: '70', name: 'Meta' },
      { type: 'cpnat:geoArea', qcode: 'wikidata:Q90', literal: undefined, confidence: undefined, name: 'Paris' },
    ]);
    expect(contentMeta).toMatchObject({
      urgency: '3',
      language: { tag: 'fr' },
      keyword: 'budget',
      slugline: 'budget-2027',
      headline: ['Budget 2027 : Bercy & les « ménages » <d’abord>'],
      dateline: 'PARIS, 7 déc. 2026',
      by: 'Marie Dupont, AFP',
      description: { role: 'drol:summary', '#text': 'Le gouvernement présente son budget, 1 < 2 && "quotes".' },
    });
  });

  it('carries the body as well-formed inline XHTML, entities resolved and every element closed', () => {
    const xml = toNewsMlG2(full, { revision: 3 }, options);
    const inline = /<inlineXML[^>]*>([\s\S]*)<\/inlineXML>/.exec(xml)![1]!;
    expect(inline).toContain(
      '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Budget 2027 : Bercy &amp; les « ménages » &lt;d’abord&gt;</title></head>',
    );
    expect(inline).toContain('<p>Premier paragraphe &amp; suite&#xa0;: 5 % <br/>ligne<img src="https://img.example/a.jpg" alt="A &quot;B&quot;"/></p>');
    expect(inline).toContain('<p>Sans fin</p><table><tr><td colspan="2">c</td></tr></table></body></html>');
    expect(xml).toMatch(/<inlineXML contenttype="application\/xhtml\+xml" wordcount="9" charcount="\d+">/);
  });

  it('drops characters XML cannot hold instead of writing a document nobody can parse', async () => {
    const xml = toNewsMlG2({ ...minimal, headline: 'Bell\u0007 and\u0000 null', bodyHtml: '<p>a\u000bb</p>' }, { revision: 1 }, options);
    expect(xml).toContain('<headline>Bell and null</headline>');
    expect(await newsMlG2Errors(xml)).toEqual([]);
  });

  it('says a kill as a cancelled item at the next version, the reason as an editorial note, valid against the schema', async () => {
    const xml = toNewsMlG2Cancel({ articleId: ID, revision: 5, killedAt: '2026-12-07T11:00:00.000Z', reason: 'Légal & urgent', language: 'fr' }, options);
    expect(await newsMlG2Errors(xml)).toEqual([]);
    const item = parse(xml);
    expect(item).toMatchObject({ guid: `urn:depeche:article:${ID}`, version: '5' });
    expect(item.itemMeta).toMatchObject({ pubStatus: { qcode: 'stat:canceled' }, edNote: ['Légal & urgent'], versionCreated: '2026-12-07T11:00:00.000Z' });
    expect(item.contentSet).toBeUndefined();
  });
});
