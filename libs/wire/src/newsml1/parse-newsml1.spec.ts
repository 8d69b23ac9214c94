import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeText } from '../encoding/decode-text.js';
import { WireError } from '../errors.js';
import { parseNewsMl1 } from './parse-newsml1.js';

const options = { receivedAt: '2026-01-01T00:00:00.000Z' };
const parseFile = (file: string) =>
  parseNewsMl1(decodeText(readFileSync(path.resolve(process.cwd(), '../shared/corpus', file))), options);

describe('parseNewsMl1 on the corpus', () => {
  it('maps the AFP text-photo item', () => {
    const [article] = parseFile('newsml1/afp.com_newsml1.2_sample.xml');
    expect(article).toMatchObject({
      headline: 'Israel strikes key Hamas targets as UN Security Council to meet',
      source: 'afp',
      provider: 'AFP',
      externalId: 'urn:newsml:afp.com:20210516T080625Z:TX-PAR-WGF71:1',
      version: 1,
      language: 'en',
      urgency: 4,
      pubStatus: 'usable',
      dateline: 'Gaza City, Palestinian Territories, May 16, 2021 (AFP)',
      located: 'Gaza City',
      versionCreated: '2021-05-16T08:06:25.000Z',
    });
    expect(article.subjects.map((s) => s.code)).toEqual([
      'subj:16000000',
      'subj:16002000',
      'subj:02003000',
      'subj:11000000',
      'subj:02000000',
      'subj:02003001',
    ]);
    // Names of people in the photo are not keywords of the story.
    expect(article.keywords.map((k) => k.value)).toEqual(['Israel', 'Palestinians', 'conflict']);
    expect(article.bodyText.startsWith("Israel's army said Sunday it had bombed the home of the political leader of Islamist group Hamas")).toBe(true);
    expect(article.bodyHtml).toContain('<h3>- Media offices destroyed -</h3>');
  });

  it('takes the Body component of Business Wire, not its headline/CSS/contact components, and repairs mojibake', () => {
    const [article] = parseFile('newsml1/businesswire-newsml-20130515006361.xml');
    expect(article.headline).toBe('Dell Redefines Workstation Computing Boundaries with Smallest Tower and Most Powerful Rack Workstations');
    expect(article.source).toBe('businesswire');
    expect(article.rights?.copyrightNotice).toBe('Copyright Business Wire 2013');
    expect(article.bodyText).toContain('the world’s most powerful rack workstation');
    expect(article.bodyText).not.toMatch(/â€|bwalignc/);
  });

  it('reads Chinese Business Wire copy', () => {
    const [article] = parseFile('newsml1/businesswire-newsml-20130605006126.xml');
    expect(article).toMatchObject({ headline: 'Cambrios被Gartner評選為「最酷供應商」', language: 'zh', dateline: '加州桑尼維爾' });
  });

  it('reads ANA CDATA HTML with named topics', () => {
    const [article] = parseFile('superdesk-fixtures/ana1_newsml1.2.xml');
    expect(article.headline).toBe('Wage employment balance positive in Jan-March');
    expect(article.language).toBe('en');
    expect(article.subjects[0]).toMatchObject({ code: 'subj:09003000', name: 'Employment/Unemployment' });
    expect(article.bodyText.startsWith('Wage employment in the private sector grew in March')).toBe(true);
  });
});

describe('parseNewsMl1 on synthetic documents', () => {
  const newsMl = (status: string, extra = '') =>
    `<NewsML><NewsItem><Identification><NewsIdentifier><ProviderId>afp.com</ProviderId><NewsItemId>1</NewsItemId>
      <RevisionId>3</RevisionId><PublicIdentifier>urn:newsml:afp.com:1:3</PublicIdentifier></NewsIdentifier></Identification>
      <NewsManagement><Status FormalName="${status}"/>${extra}</NewsManagement>
      <NewsComponent><NewsLines><HeadLine>Titre</HeadLine></NewsLines>
        <ContentItem><MediaType FormalName="Text"/><DataContent><p>Texte.</p></DataContent></ContentItem></NewsComponent>
    </NewsItem></NewsML>`;

  it('maps Canceled status and RevisionId', () => {
    expect(parseNewsMl1(newsMl('Canceled'), options)[0]).toMatchObject({ pubStatus: 'canceled', version: 3, source: 'afp' });
  });

  it('maps an Embargoed status to withheld with the embargo time', () => {
    const [article] = parseNewsMl1(newsMl('Embargoed', '<StatusWillChange><FutureStatus FormalName="Usable"/><DateAndTime>20240710T120000+0200</DateAndTime></StatusWillChange>'), options);
    expect(article).toMatchObject({ pubStatus: 'withheld', embargo: '2024-07-10T10:00:00.000Z' });
  });

  it('rejects a NewsML item with only photos', () => {
    const photos = '<NewsML><NewsItem><NewsComponent><ContentItem Href="x.jpg"><MediaType FormalName="Photo"/></ContentItem></NewsComponent></NewsItem></NewsML>';
    expect(() => parseNewsMl1(photos, options)).toThrow(WireError);
    expect(() => parseNewsMl1(photos, options)).toThrow(/carries text content/);
  });
});
