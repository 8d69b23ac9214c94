import { describe, it, expect } from '@jest/globals';
import { CORPUS } from '../../../../test/harness/corpus.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeText } from '../encoding/decode-text.js';
import { parseNewsMl1 } from './parse-newsml1.js';

const options = { receivedAt: '2026-01-01T00:00:00.000Z' };
const parseFile = (file: string) => parseNewsMl1(decodeText(readFileSync(path.join(CORPUS, file))), options);

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
    expect(article.subjects.map((s) => s.code)).toEqual(['subj:16000000', 'subj:16002000', 'subj:02003000', 'subj:11000000', 'subj:02000000', 'subj:02003001']);
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
