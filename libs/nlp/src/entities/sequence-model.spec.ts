import { describe, expect, it } from '@jest/globals';
import { allowed, emissions, LABEL_COUNT, LABELS, labelSpans, spanLabels, viterbi, type SequenceModel } from './sequence-model.js';

const at = (label: string): number => LABELS.indexOf(label);

describe('BILOU labels', () => {
  it('has O and Begin, Inside, Last, Unit for each class', () => {
    expect(LABEL_COUNT).toBe(17);
    expect(LABELS.slice(0, 5)).toEqual(['O', 'B-PER', 'I-PER', 'L-PER', 'U-PER']);
  });

  it('lets an open name go on only with Inside or Last of its own type', () => {
    expect(allowed(at('B-ORG'), at('I-ORG'))).toBe(true);
    expect(allowed(at('B-ORG'), at('L-ORG'))).toBe(true);
    expect(allowed(at('B-ORG'), at('L-PER'))).toBe(false);
    expect(allowed(at('B-ORG'), at('O'))).toBe(false);
    expect(allowed(at('L-ORG'), at('I-ORG'))).toBe(false);
    expect(allowed(at('U-LOC'), at('B-PER'))).toBe(true);
    expect(allowed(LABEL_COUNT, at('L-PER'))).toBe(false); // the start of a sequence
  });

  it('turns token spans into labels and back', () => {
    const spanOf = [-1, 0, 0, 0, -1, 1, 2, 2];
    const types = ['ORG', 'PER', 'LOC'];
    const labels = spanLabels(spanOf, (k) => types[k]!);
    expect(Array.from(labels, (l) => LABELS[l])).toEqual(['O', 'B-ORG', 'I-ORG', 'L-ORG', 'O', 'U-PER', 'B-LOC', 'L-LOC']);
    expect(labelSpans(labels)).toEqual([
      { from: 1, to: 4, type: 'ORG' },
      { from: 5, to: 6, type: 'PER' },
      { from: 6, to: 8, type: 'LOC' },
    ]);
  });
});

describe('decoding', () => {
  // Two features: 0 votes B-PER, 1 votes L-PER; no transition preferences.
  const weights = new Float32Array(2 * LABEL_COUNT);
  weights[0 * LABEL_COUNT + at('B-PER')] = 5;
  weights[1 * LABEL_COUNT + at('L-PER')] = 5;
  const model: SequenceModel = { weights, scale: 1, transitions: new Float32Array((LABEL_COUNT + 1) * LABEL_COUNT) };

  it('finds the best allowed path', () => {
    const decoded = viterbi(model, emissions(model, [Uint32Array.of(0), Uint32Array.of(1)]), 2);
    expect(Array.from(decoded.labels, (l) => LABELS[l])).toEqual(['B-PER', 'L-PER']);
    expect(decoded.margins[0]).toBeGreaterThan(0);
  });

  it('never ends a sequence inside a name, however strongly the last token votes to open one', () => {
    const decoded = viterbi(model, emissions(model, [Uint32Array.of(0)]), 1);
    expect(LABELS[decoded.labels[0]!]).not.toMatch(/^[BI]-/);
  });
});
