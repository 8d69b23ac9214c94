import { describe, it, expect } from '@jest/globals';
import { CORPUS as corpus } from '../../../../test/harness/corpus.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SubjectTag } from '#contracts';
import { parseWire } from '../index.js';
import { mediaTopicFor, subjectCodeOf } from './media-topics.js';

const subjectsOf = (file: string): SubjectTag[] =>
  parseWire(readFileSync(path.join(corpus, file)), undefined, { receivedAt: '2026-01-01T00:00:00.000Z' }).articles[0].subjects;
const byCode = (subjects: SubjectTag[], code: string) => subjects.find((s) => s.code === code);

describe('IPTC Subject Codes → Media Topics', () => {
  it('recognises the spellings formats use for a subject code', () => {
    const provenance = { source: 'provider' as const };
    expect(subjectCodeOf({ scheme: 'subj', code: 'subj:04000000' })).toBe('04000000');
    expect(subjectCodeOf({ scheme: 'http://cv.iptc.org/newscodes/subjectcode/', code: '04000000' })).toBe('04000000');
    expect(subjectCodeOf({ scheme: 'cv.iptc.org', code: 'http://cv.iptc.org/newscodes/subjectcode/04000000' })).toBe('04000000');
    expect(subjectCodeOf({ scheme: 'dpacountry', code: 'dpacountry:12345678' })).toBeUndefined();
    expect(mediaTopicFor({ scheme: 'subj', code: 'subj:04000000', provenance })?.code).toBe('medtop:04000000');
  });

  it('ninjs: NTB bare 8-digit literals become subject codes with their Media Topic (exact match)', () => {
    const subjects = subjectsOf('ninjs/examples/3.0/ntb_text.json');
    expect(byCode(subjects, 'subj:04011000')).toMatchObject({ scheme: 'subj', name: 'Industri' });
    expect(byCode(subjects, 'medtop:20000294')).toEqual({
      scheme: 'medtop',
      code: 'medtop:20000294',
      name: expect.any(String),
      provenance: { source: 'provider', by: 'NTB via IPTC subj:04011000 exactMatch' },
    });
  });

  it("ninjs: a code without a topic of its own takes its parent's, and says so", () => {
    const topic = byCode(subjectsOf('ninjs/examples/3.0/ntb_text.json'), 'medtop:13000000');
    expect(topic?.provenance.by).toBe('NTB via IPTC subj:13010000 broader subj:13000000 exactMatch');
  });

  it('NITF tobject.subject refnums (Norfolk fishing sample)', () => {
    const subjects = subjectsOf('nitf/superdesk_nitf-fishing.xml');
    expect(subjects.map((s) => s.code)).toEqual(expect.arrayContaining(['subj:17000000', 'medtop:17000000']));
    expect(byCode(subjects, 'medtop:17000000')?.name).toBe('weather');
  });

  it('NewsML-G2 subj: qcodes (Reuters), without repeating a topic the provider sent itself', () => {
    const subjects = subjectsOf('superdesk-fixtures/reuters_newsmlg2_text.xml');
    expect(byCode(subjects, 'medtop:15000000')?.provenance.by).toMatch(/via IPTC subj:15000000 exactMatch$/);
    expect(subjects.filter((s) => s.code === 'medtop:20001065')).toHaveLength(1);
  });

  it('NewsML 1.2 SubjectCode (AFP), named from the IPTC table', () => {
    const subjects = subjectsOf('superdesk-fixtures/afp_newsml1.2.xml');
    expect(byCode(subjects, 'subj:04000000')).toBeDefined();
    expect(byCode(subjects, 'medtop:04000000')).toMatchObject({ name: 'economy, business and finance', provenance: { source: 'provider' } });
  });
});
