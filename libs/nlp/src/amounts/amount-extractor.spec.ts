import { describe, expect, it } from '@jest/globals';
import { extractAmounts } from './amount-extractor.js';
import { EXAMPLE_PAGE, fixtureText } from '../../../../test/harness/fixtures.js';

const one = (text: string, language?: string) => extractAmounts(text, language).map(({ value, currency }) => ({ value, currency }));

describe('money amounts', () => {
  it('finds exactly the four euro amounts of the example page, and no other number', () => {
    const text = fixtureText(EXAMPLE_PAGE);
    const found = extractAmounts(text, 'fr');
    expect(found.map((a) => [a.value, a.currency])).toEqual([
      [2e9, 'EUR'],
      [2e9, 'EUR'],
      [6e8, 'EUR'],
      [1.5e8, 'EUR'],
    ]);
    for (const a of found) expect(text.slice(a.start, a.end)).toBe(a.text);
  });

  it.each([
    ['14 milliards de dollars', 'fr', 1.4e10, 'USD'],
    ['100 millions de dollars', 'fr', 1e8, 'USD'],
    ['$3.5bn', 'en', 3.5e9, 'USD'],
    ['€20 million', 'en', 2e7, 'EUR'],
    ["1,2 milliard d'euros", 'fr', 1.2e9, 'EUR'],
    ['1,2 milliard d’euros', 'fr', 1.2e9, 'EUR'],
    ['£500,000', 'en', 5e5, 'GBP'],
    ['20 000 euros', 'fr', 2e4, 'EUR'],
    ['20\u202F000 euros', 'fr', 2e4, 'EUR'],
    ['5 M€', 'fr', 5e6, 'EUR'],
    ['CHF 10 million', 'en', 1e7, 'CHF'],
    ['¥300 billion', 'en', 3e11, 'JPY'],
    ['C$2.5 billion', 'en', 2.5e9, 'CAD'],
    ['8 milliards de yuans', 'fr', 8e9, 'CNY'],
    ['36 cents', 'en', 0.36, 'USD'],
    ['14.5 billion won', 'en', 1.45e10, 'KRW'],
    ['35.5 Australian cents', 'en', 0.355, 'AUD'],
    ["deux milliards d'euros", 'fr', 2e9, 'EUR'],
    ['two billion dollars', 'en', 2e9, 'USD'],
  ])('reads %s', (text, language, value, currency) => {
    expect(one(text, language)).toEqual([{ value, currency }]);
  });

  it('gives offsets into the text', () => {
    const text = 'Le groupe a levé 5 M€ cette année.';
    const [amount] = extractAmounts(text, 'fr');
    expect(text.slice(amount.start, amount.end)).toBe('5 M€');
  });

  it('lets the bare first end of a range borrow scale and currency', () => {
    expect(one('entre 30 à 50 milliards de dollars', 'fr')).toEqual([
      { value: 3e10, currency: 'USD' },
      { value: 5e10, currency: 'USD' },
    ]);
  });

  it('ignores numbers that are not money', () => {
    expect(extractAmounts('He won 3 games in 2019 and 45 % of the vote, 12 million people.', 'en')).toEqual([]);
  });
});
