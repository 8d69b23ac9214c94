import { describe, expect, it } from '@jest/globals';
import { countWords, readingTimeMinutes, slugify } from './text-facts.js';
import { tokenize } from './tokenize.js';

describe('text facts', () => {
  it('makes an ASCII slug from a French headline', () => {
    expect(slugify('Meta tente de racheter les cerveaux d’OpenAI avec des offres à plus de 100 millions de dollars')).toBe(
      'meta-tente-de-racheter-les-cerveaux-d-openai-avec-des-offres-a-plus-de-100',
    );
    expect(slugify('Œuvres d’art : « L’été » à Besançon !')).toBe('oeuvres-d-art-l-ete-a-besancon');
  });

  it('keeps slugs to 80 characters, cut between words', () => {
    const slug = slugify('mot '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('counts words and reading time at about 230 words a minute', () => {
    expect(countWords("L'État — et l’économie — vont « bien ».")).toBe(5);
    expect(readingTimeMinutes(0)).toBe(0);
    expect(readingTimeMinutes(100)).toBe(1);
    expect(readingTimeMinutes(690)).toBe(3);
  });

  it('tokenises French elisions and typographic apostrophes with offsets', () => {
    const text = "l'économie d’OpenAI qu'aujourd'hui";
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(['économie', 'OpenAI', "aujourd'hui"]);
    expect(tokens.map((t) => t.lower)).toEqual(['économie', 'openai', "aujourd'hui"]);
    for (const t of tokens) expect(text.slice(t.start, t.start + t.text.length)).toBe(t.text);
  });
});
