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

  it('never gives a function word or a reporting verb of French or English, whatever language the article declares', () => {
    const english =
      'The minister said the plan would cut costs. The union said it would strike. The government told reporters nothing, adding that the city is ready.';
    for (const language of ['en', 'fr', 'de', undefined]) {
      const values = extractKeywords(english, { language, headline: 'The plan the minister said' }).map((k) => k.value.toLowerCase());
      expect(values).toEqual(expect.arrayContaining(['minister', 'plan', 'union']));
      for (const word of ['the', 'said', 'would', 'it', 'told', 'adding', 'that']) expect(values).not.toContain(word);
    }
    const french = "Le ministre a déclaré que le plan est prêt. « Nous sommes prêts », a-t-il dit, ajoute l'AFP. Il explique que la ville l'est aussi.";
    const values = extractKeywords(french, { language: 'en' }).map((k) => k.value.toLowerCase());
    expect(values).toEqual(expect.arrayContaining(['ministre', 'plan']));
    for (const word of ['le', 'que', 'déclaré', 'dit', 'ajoute', 'explique', 'est']) expect(values).not.toContain(word);
  });
});
