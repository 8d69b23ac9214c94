import { describe, it, expect } from '@jest/globals';
import { decodeText } from '../encoding/decode-text.js';
import { WireError } from '../errors.js';
import { parseNitf } from './parse-nitf.js';
import { fixtureBytes } from '../../../../test/harness/fixtures.js';

const options = { receivedAt: '2026-01-01T00:00:00.000Z' };
const parseFile = (file: string) => parseNitf(decodeText(fixtureBytes(file)), options);

describe('parseNitf on the example story', () => {
  it('maps head, docdata, tobject subjects, key-list, pubdata section and body.head', () => {
    const [article] = parseFile('wire/nitf-en.xml');
    expect(article).toMatchObject({
      headline: 'Harbour authority approves ferry terminal expansion',
      subheadline: 'Work on the second berth starts in June',
      standfirst: "The port's board voted on Wednesday to spend 85 million pounds on a second ferry berth.",
      byline: 'By Megan Hollis, Example Wire Service',
      located: 'PORTSMOUTH',
      externalId: 'exa-20260312-0042',
      language: 'en-GB',
      section: 'Business',
      urgency: 4,
      versionCreated: '2026-03-12T09:15:00.000Z',
      rights: { copyrightHolder: 'Example Wire Service' },
    });
    expect(article.subjects.map((s) => s.code)).toEqual(['subj:04000000', 'subj:04015000']);
    expect(article.keywords.map((k) => k.value)).toEqual(['ferries', 'ports']);
    expect(article.bodyText.startsWith('The board of the Portsmouth harbour authority voted on Wednesday')).toBe(true);
    expect(article.bodyText).toContain('Chief executive Daniel Okafor said');
  });
});

describe('parseNitf on synthetic documents', () => {
  it('accepts a plain DOCTYPE and falls back to receivedAt', () => {
    const nitf =
      '<?xml version="1.0"?>\n<!DOCTYPE nitf SYSTEM "nitf.dtd">\n<nitf><body><body.head><hedline><hl1>Titre</hl1></hedline></body.head><body.content><p>Texte.</p></body.content></body></nitf>';
    expect(parseNitf(nitf, options)[0]).toMatchObject({ headline: 'Titre', bodyText: 'Texte.', versionCreated: options.receivedAt, source: 'wire' });
  });

  it('keeps a cancel notice with neither headline nor body, named after its id', () => {
    const nitf = '<nitf><head><docdata management-status="canceled"><doc-id id-string="nitf-42"/></docdata></head><body/></nitf>';
    expect(parseNitf(nitf, options)[0]).toMatchObject({ headline: 'Canceled: nitf-42', pubStatus: 'canceled', externalId: 'nitf-42', bodyText: '' });
  });

  it('still refuses a document with neither headline nor body that cancels nothing', () => {
    const nitf = '<nitf><head><docdata><doc-id id-string="nitf-43"/></docdata></head><body/></nitf>';
    expect(() => parseNitf(nitf, options)).toThrow(expect.objectContaining({ code: 'empty-document' }) as unknown as WireError);
  });

  it('refuses an XXE DOCTYPE', () => {
    const nitf = '<!DOCTYPE nitf [<!ENTITY x SYSTEM "file:///etc/passwd">]><nitf><body>&x;</body></nitf>';
    expect(() => parseNitf(nitf, options)).toThrow(expect.objectContaining({ code: 'doctype-forbidden' }) as unknown as WireError);
  });

  it('rejects a non-NITF root', () => {
    expect(() => parseNitf('<NewsML/>', options)).toThrow(/Expected an NITF document/);
  });
});
