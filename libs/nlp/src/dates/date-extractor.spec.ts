import { describe, expect, it } from '@jest/globals';
import { extractDates } from './date-extractor.js';

const REFERENCE = new Date('2025-06-20T10:00:00Z'); // a Friday

describe('dates mentioned', () => {
  it('resolves French dates against the article date, with offsets', () => {
    const text = 'Le procès s’ouvrira le 14 juillet 2025 ; la décision a été annoncée mardi.';
    const found = extractDates(text, REFERENCE, 'fr');
    expect(found.map((d) => d.date)).toEqual(['2025-07-14', '2025-06-17']);
    for (const d of found) expect(text.slice(d.start, d.end)).toBe(d.text);
  });

  it('reads English dates, AP month abbreviations included', () => {
    const found = extractDates('The deal closes on Sept. 30, 2025, the company said Tuesday.', REFERENCE, 'en');
    expect(found.map((d) => d.date)).toEqual(['2025-09-30', '2025-06-17']);
  });

  it('does not read a first name or a modal verb as a date', () => {
    expect(extractDates('Sam Altman may march on.', REFERENCE, 'en')).toEqual([]);
    expect(extractDates('Sam Altman a confirmé.', REFERENCE, 'fr')).toEqual([]);
  });
});
