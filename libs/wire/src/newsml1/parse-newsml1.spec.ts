import { describe, it, expect } from '@jest/globals';
import { decodeText } from '../encoding/decode-text.js';
import { WireError } from '../errors.js';
import { parseNewsMl1 } from './parse-newsml1.js';
import { fixtureBytes } from '../../../../test/harness/fixtures.js';

const options = { receivedAt: '2026-01-01T00:00:00.000Z' };
const parseFile = (file: string) => parseNewsMl1(decodeText(fixtureBytes(file)), options);

describe('parseNewsMl1 on the example item', () => {
  it('maps identification, management, news lines and the XHTML content item', () => {
    const [article] = parseFile('wire/newsml1-en.xml');
    expect(article).toMatchObject({
      headline: 'Rail operator orders forty new regional trains',
      byline: 'By Tom Ferris',
      language: 'en',
      externalId: 'urn:newsml:example.org:20260312:exa-0043:1',
      versionCreated: '2026-03-12T10:15:00.000Z',
      pubStatus: 'usable',
    });
    expect(article.bodyText).toMatch(/^Northern Rail Services has ordered forty regional trains/);
    expect(article.bodyText).toContain('Managing director Aisha Raman');
    expect(article.subjects.map((s) => s.code)).toContain('subj:04015000');
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
    const [article] = parseNewsMl1(
      newsMl('Embargoed', '<StatusWillChange><FutureStatus FormalName="Usable"/><DateAndTime>20240710T120000+0200</DateAndTime></StatusWillChange>'),
      options,
    );
    expect(article).toMatchObject({ pubStatus: 'withheld', embargo: '2024-07-10T10:00:00.000Z' });
  });

  it('rejects a NewsML item with only photos', () => {
    const photos =
      '<NewsML><NewsItem><NewsComponent><ContentItem Href="x.jpg"><MediaType FormalName="Photo"/></ContentItem></NewsComponent></NewsItem></NewsML>';
    expect(() => parseNewsMl1(photos, options)).toThrow(WireError);
    expect(() => parseNewsMl1(photos, options)).toThrow(/carries text content/);
  });
});
