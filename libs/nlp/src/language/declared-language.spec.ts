import { describe, expect, it } from '@jest/globals';
import { contradictsDeclaredLanguage } from './declared-language.js';

describe('contradictsDeclaredLanguage', () => {
  it('accepts a text written in the declared language’s script', () => {
    expect(contradictsDeclaredLanguage('Le gouvernement a présenté son budget mercredi.', 'fr')).toBe(false);
    expect(contradictsDeclaredLanguage('Правительство представило бюджет.', 'ru')).toBe(false);
    expect(contradictsDeclaredLanguage('政府は水曜日に予算案を発表した。', 'ja')).toBe(false);
    expect(contradictsDeclaredLanguage('政府周三公布了预算。', 'zh-CN')).toBe(false);
    expect(contradictsDeclaredLanguage('정부는 수요일 예산안을 발표했다.', 'ko')).toBe(false);
  });

  it('flags a text mostly in another script', () => {
    expect(contradictsDeclaredLanguage('Правительство представило бюджет в среду.', 'en')).toBe(true);
    expect(contradictsDeclaredLanguage('The government presented its budget on Wednesday.', 'ar')).toBe(true);
    expect(contradictsDeclaredLanguage('政府周三公布了预算 (Reuters)', 'de')).toBe(true);
  });

  it('a few foreign names do not outweigh the text', () => {
    expect(contradictsDeclaredLanguage('Le président Владимир a rencontré les ministres européens à Bruxelles hier soir.', 'fr')).toBe(false);
  });

  it('trusts what it cannot judge: no letters, an unknown language, a malformed tag', () => {
    expect(contradictsDeclaredLanguage('2026 — 12,5 %', 'en')).toBe(false);
    expect(contradictsDeclaredLanguage('Правительство', 'xx')).toBe(false);
    expect(contradictsDeclaredLanguage('Правительство', 'not a tag!')).toBe(false);
  });
});
