import { describe, it, expect } from '@jest/globals';
import { validatorFor, DraftArticle } from '#contracts';
import { decodeText } from '../encoding/decode-text.js';
import { WireError } from '../errors.js';
import { parseIptc7901 } from './parse-iptc7901.js';
import { fixtureBytes } from '../../../../test/harness/fixtures.js';

const [SOH, STX, ETX, EOT, SYN, US, DC3, DC1] = [1, 2, 3, 4, 0x16, 0x1f, 0x13, 0x11].map((c) => String.fromCharCode(c));
const opts = { receivedAt: '2026-01-01T00:00:00.000Z' };
const draft = validatorFor('draft article', DraftArticle);
const fixture = (file: string) => decodeText(fixtureBytes(file));

/** An IPTC 7901 take as a European agency sends it (CRLF lines, indented paragraphs, notebook, sign-off). */
const IPTC7901 = [
  `${SOH}afp123 2 f 95 ecof`,
  '',
  'France-economy/budget/',
  `${STX}CORRECTION`,
  'French deficit narrows to 4.9 percent of GDP =',
  'By Jeanne Martin, AFP =',
  '',
  "   Paris (AFP) - France's public deficit narrowed last year, the",
  'statistics office said on Tuesday.',
  '',
  '   The finance minister welcomed the figures.',
  '',
  '# AFP NOTEBOOK',
  'The following information is not for publication',
  'Contact: desk@example.com',
  '',
  'afp jm kb',
  `${ETX}261405 GMT Mar 24 ${EOT}`,
].join('\r\n');

/** An ANPA 1312 story as AP sends it ("^" head lines ending "<" or "=", tab-indented paragraphs). */
const ANPA = [
  `${SYN}${SYN}${SOH}r0042${US}national`,
  `u a${DC3}${DC1} BC-US--Storms     06-02 0240`,
  `${STX}^BC-US--Storms,240<`,
  '^Storms knock out power to thousands in Midwest<',
  '^Eds: Updates with utility figures.<',
  '^By JOHN DOE=',
  '^Associated Press=',
  '\t   CHICAGO (AP) _ Severe storms knocked out power to thousands of homes. ',
  ' ',
  '\t   Crews worked through the night. ',
  ' ',
  `\t   ${ETX}AP-WF-06-02-25 0312GMT<`,
  `${EOT}`,
].join('\n');

describe('parseIptc7901 with IPTC 7901', () => {
  const [article] = parseIptc7901(IPTC7901, opts).articles;

  it('maps heading, head lines, dateline and time stamp', () => {
    expect(draft.issues(article)).toEqual([]);
    expect(article).toMatchObject({
      source: 'afp',
      externalId: 'afp123',
      urgency: 2,
      headline: 'French deficit narrows to 4.9 percent of GDP',
      byline: 'By Jeanne Martin, AFP',
      dateline: 'Paris (AFP)',
      located: 'Paris',
      versionCreated: '2024-03-26T14:05:00.000Z',
    });
    expect(article.subjects).toEqual([
      { scheme: 'iptc7901-category', code: 'iptc7901-category:f', name: 'Finance', provenance: { source: 'provider', by: 'afp' } },
    ]);
    expect(article.keywords.map((k) => k.value)).toEqual(['France-economy', 'budget']);
  });

  it('joins hard-wrapped lines and stops before the notebook and sign-off', () => {
    expect(article.bodyText).toBe(
      "Paris (AFP) - France's public deficit narrowed last year, the statistics office said on Tuesday.\nThe finance minister welcomed the figures.",
    );
  });
});

describe('parseIptc7901 with ANPA 1312', () => {
  const [article] = parseIptc7901(ANPA, opts).articles;

  it('maps the ANPA heading, byline lines and trailer', () => {
    expect(draft.issues(article)).toEqual([]);
    expect(article).toMatchObject({
      source: 'ap',
      externalId: 'r0042',
      urgency: 3,
      headline: 'Storms knock out power to thousands in Midwest',
      byline: 'By JOHN DOE, Associated Press',
      located: 'CHICAGO',
      versionCreated: '2025-06-02T03:12:00.000Z',
    });
    expect(article.bodyText.split('\n')).toHaveLength(2);
    expect(article.bodyText).not.toMatch(/Eds:|BC-US/);
  });
});

describe('parseIptc7901 on the example captures', () => {
  it('reads an IPTC 7901 take sent in Latin-1', () => {
    const { articles, skipped } = parseIptc7901(fixture('wire/iptc7901-fr.txt'), opts);
    expect(skipped).toEqual([]);
    expect(draft.issues(articles[0])).toEqual([]);
    expect(articles[0]).toMatchObject({ source: 'exa', externalId: 'exa0046', headline: "Les tarifs réglementés de l'électricité baissent de 2 % en février" });
    expect(articles[0].bodyText).toMatch(/^Paris \(EXA\) - Les tarifs réglementés de vente de l'électricité baisseront de 2 % au 1er février/);
    expect(articles[0].bodyText).not.toMatch(/exa jm/);
  });

  it('reads an ANPA 1312 story', () => {
    const [article] = parseIptc7901(fixture('wire/anpa1312-en.txt'), opts).articles;
    expect(article).toMatchObject({
      headline: 'Ferry crews vote to strike over pay',
      byline: 'By SAM WELLS, Example Wire Service',
      versionCreated: '2026-03-12T12:14:00.000Z',
    });
    expect(article.bodyText).toMatch(/^SOUTHAMPTON \(EXA\) _ Ferry crews on the Isle of Wight routes voted on Thursday/);
  });

  it('reads a capture of several messages one by one', () => {
    const { articles } = parseIptc7901(`${fixture('wire/iptc7901-fr.txt')}\r\n${fixture('wire/iptc7901-fr.txt').replace('exa0046', 'exa0049')}`, opts);
    expect(articles.map((a) => a.externalId)).toEqual(['exa0046', 'exa0049']);
  });

  it('rejects a message without the SOH/STX envelope', () => {
    expect(() => parseIptc7901('just text', opts)).toThrow(WireError);
  });
});
