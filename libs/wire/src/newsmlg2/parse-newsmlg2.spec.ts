import { describe, it, expect } from '@jest/globals';
import path from 'node:path';
import { decodeText } from '../encoding/decode-text.js';
import { wireErrorOf } from '../testing/wire-error-of.js';
import { parseNewsMlG2 } from './parse-newsmlg2.js';
import { fixtureBytes } from '../../../../test/harness/fixtures.js';

const options = { receivedAt: '2026-01-01T00:00:00.000Z' };
const parseFile = (file: string) => parseNewsMlG2(decodeText(fixtureBytes(path.join('iptc-newsml-g2', file))), options);

const rejection = wireErrorOf;

/** A minimal text newsItem; `meta` and `content` are spliced into itemMeta / contentSet. */
const item = ({ meta = '', contentMeta = '', content = '', attrs = '' } = {}) =>
  `<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:test:1" version="4" xml:lang="fr" ${attrs}>
    <itemMeta><itemClass qcode="ninat:text"/><provider literal="AFP"/>${meta}</itemMeta>
    <contentMeta><headline>Titre</headline>${contentMeta}</contentMeta>
    <contentSet>${content}</contentSet>
  </newsItem>`;

describe('parseNewsMlG2 on the IPTC examples', () => {
  it('maps the IPTC text document (NITF inside inlineXML)', () => {
    const [article] = parseFile('LISTING_2_NewsML-G2_Text_Document.xml');
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

  it('maps embargoed and the item language of the IPTC news item', () => {
    const [article] = parseFile('LISTING_1_A_NewsML-G2_News_Item.xml');
    expect(article.embargo).toBe('2018-10-23T12:00:00.000Z');
    expect(article.language).toBe('en-GB');
  });
});

describe('parseNewsMlG2 on synthetic items', () => {
  it('keeps a cancel notice without headline or content, named after its guid', () => {
    const bare = `<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:test:9" version="2">
      <itemMeta><itemClass qcode="ninat:text"/><provider literal="AFP"/><pubStatus qcode="stat:canceled"/></itemMeta></newsItem>`;
    expect(parseNewsMlG2(bare, options)[0]).toMatchObject({ headline: 'Canceled: urn:test:9', pubStatus: 'canceled', externalId: 'urn:test:9', bodyText: '' });
  });

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
        content:
          '<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Corps <script>x()</script>du texte.</p></body></html></inlineXML>',
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
