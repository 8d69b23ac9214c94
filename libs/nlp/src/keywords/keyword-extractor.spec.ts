import { describe, expect, it } from '@jest/globals';
import { extractKeywords } from './keyword-extractor.js';

const FRENCH = `Le gouvernement a présenté jeudi son plan pour l'économie. L’économie française doit
  selon le ministre profiter de l'investissement dans l'industrie et l'énergie. Qu'il s'agisse de l'industrie
  automobile ou de l'énergie nucléaire, l'investissement public restera élevé, d'après le ministre.`;

describe('keywords', () => {
  it('returns at most ten keywords without stopwords or elided articles, accents kept', () => {
    const keywords = extractKeywords(FRENCH, { language: 'fr', headline: "Plan pour l'économie : l'État mise sur l'industrie" });
    const values = keywords.map((k) => k.value);
    expect(values.length).toBeGreaterThanOrEqual(5);
    expect(values.length).toBeLessThanOrEqual(10);
    expect(values).toEqual(expect.arrayContaining(['économie', 'industrie', 'investissement', 'énergie']));
    for (const v of values) {
      expect(v).not.toMatch(/^(?:[ldjmnstc]|qu)['’]/i);
      expect(['le', 'la', 'de', 'pour', 'son', 'doit', 'selon', 'jeudi']).not.toContain(v.toLowerCase());
    }
  });

  it('scores from 1 down and keeps names capitalised', () => {
    const keywords = extractKeywords('OpenAI and Meta compete for engineers. Meta offered OpenAI engineers large packages.', {
      language: 'en',
    });
    expect(keywords[0].score).toBe(1);
    expect(keywords.map((k) => k.value)).toEqual(expect.arrayContaining(['OpenAI', 'Meta', 'engineers']));
    expect(keywords.map((k) => k.value)).not.toContain('and');
  });
});
