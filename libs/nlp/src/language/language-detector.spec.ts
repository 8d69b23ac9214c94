import { beforeAll, describe, expect, it } from '@jest/globals';
import { createLanguageDetector, type LanguageDetector } from './language-detector.js';

describe('language detector (fastText lid.176, offline)', () => {
  let detector: LanguageDetector;
  beforeAll(async () => {
    detector = await createLanguageDetector();
  });

  it.each([
    ['fr', 'Le gouvernement annonce une hausse du salaire minimum dès janvier'],
    ['en', 'Stocks slide as investors weigh fresh signals from the central bank'],
    ['de', 'Die Bundesregierung beschließt ein neues Klimaschutzgesetz'],
    ['es', 'El Gobierno aprueba la reforma de las pensiones tras meses de negociación'],
    ['it', 'Il governo approva la nuova legge di bilancio dopo un lungo dibattito'],
    ['pt', 'O governo aprova o orçamento do Estado para o próximo ano'],
    ['nl', 'Het kabinet stemt in met de nieuwe begroting voor volgend jaar'],
  ])('recognises %s from a headline alone', (code, headline) => {
    const found = detector.detect(headline);
    expect(found?.code).toBe(code);
    expect(found?.confidence).toBeGreaterThan(0.5);
    expect(found?.confidence).toBeLessThanOrEqual(1);
  });

  it('reads past line breaks (fastText stops at the first newline)', () => {
    expect(detector.detect('Titre\n\nLe conseil municipal a voté le budget de la commune hier soir.')?.code).toBe('fr');
  });

  it('returns nothing for empty text', () => {
    expect(detector.detect('   ')).toBeUndefined();
  });
});
