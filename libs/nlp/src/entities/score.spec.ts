import { describe, expect, it } from '@jest/globals';
import { addScores, scoreDocumentEntities, scoreEntities, toPrf } from './score.js';

describe('scoreEntities', () => {
  const gold = [
    { start: 0, end: 4, type: 'ORG' },
    { start: 10, end: 20, type: 'PER' },
    { start: 30, end: 36, type: 'LOC' },
  ];

  it('needs the exact span and the type to agree', () => {
    const predicted = [
      { start: 0, end: 4, type: 'ORG' }, // right
      { start: 10, end: 19, type: 'PER' }, // span off by one
      { start: 30, end: 36, type: 'ORG' }, // wrong type
    ];
    expect(scoreEntities(gold, predicted)).toEqual({ tp: 1, fp: 2, fn: 2 });
  });

  it('counts a repeated prediction once', () => {
    expect(scoreEntities(gold, [gold[0]!, gold[0]!])).toEqual({ tp: 1, fp: 0, fn: 2 });
  });

  it('handles empty sides', () => {
    expect(scoreEntities([], [])).toEqual({ tp: 0, fp: 0, fn: 0 });
    expect(scoreEntities(gold, [])).toEqual({ tp: 0, fp: 0, fn: 3 });
  });

  it('adds up and derives precision, recall and F1', () => {
    const total = addScores({ tp: 3, fp: 1, fn: 0 }, { tp: 1, fp: 0, fn: 4 });
    expect(total).toEqual({ tp: 4, fp: 1, fn: 4 });
    const prf = toPrf(total);
    expect(prf.precision).toBeCloseTo(0.8);
    expect(prf.recall).toBeCloseTo(0.5);
    expect(prf.f1).toBeCloseTo(0.6154, 3);
    expect(toPrf({ tp: 0, fp: 0, fn: 0 }).f1).toBe(0);
  });
});

describe('scoreDocumentEntities', () => {
  const gold = [
    { type: 'PER', text: 'Sam Altman', canonical: 'Sam Altman' },
    { type: 'PER', text: 'Altman', canonical: 'Sam Altman' },
    { type: 'LOC', text: 'Londres', canonical: 'London' },
    { type: 'ORG', text: 'Société Générale' },
  ];

  it('matches by mention text or canonical name, ignoring accents and case', () => {
    const predicted = [
      { type: 'PER', name: 'Sam Altman', texts: ['Sam Altman', 'Altman'] },
      { type: 'LOC', name: 'London', texts: ['Londres'] },
      { type: 'ORG', name: 'societe generale', texts: ['SOCIETE GENERALE'] },
    ];
    expect(scoreDocumentEntities(gold, predicted)).toEqual({ tp: 3, fp: 0, fn: 0 });
  });

  it('counts a second entity for the same gold entity and a wrong type as false positives', () => {
    const predicted = [
      { type: 'PER', name: 'Sam Altman', texts: ['Sam Altman'] },
      { type: 'PER', name: 'Altman', texts: ['Altman'] },
      { type: 'ORG', name: 'London', texts: ['Londres'] },
    ];
    expect(scoreDocumentEntities(gold, predicted)).toEqual({ tp: 1, fp: 2, fn: 2 });
  });
});
