import { describe, expect, it } from 'vitest';
import { MESSAGES, preferredLocale } from './i18n';

describe('i18n', () => {
  it('has every English message in French too, none empty', () => {
    expect(Object.keys(MESSAGES.fr).sort()).toEqual(Object.keys(MESSAGES.en).sort());
    expect(Object.values(MESSAGES.fr).filter((m) => !m.trim())).toEqual([]);
  });

  it('picks French for a French browser, English otherwise', () => {
    expect(preferredLocale(['fr-FR', 'en'])).toBe('fr');
    expect(preferredLocale(['de-DE', 'fr'])).toBe('en');
    expect(preferredLocale([])).toBe('en');
  });
});
