import { describe, expect, it } from '@jest/globals';
import { documentFeatures } from './document-features.js';
import { LABELS } from './sequence-model.js';
import { tokenize } from './tokenize.js';

const label = (names: string[]): number[] => names.map((n) => LABELS.indexOf(n));

describe('document features of the second stage', () => {
  const tokens = tokenize('Pierre Dupont arrive. Dupont parle. Dupont rit.', () => false);
  // Tokens: Pierre Dupont arrive Dupont parle Dupont rit

  it('tells a lone surname that the first stage saw it as the end of a person name elsewhere', () => {
    const asPerson = documentFeatures(tokens, label(['B-PER', 'L-PER', 'O', 'O', 'O', 'O', 'O']));
    const asPlace = documentFeatures(tokens, label(['B-LOC', 'L-LOC', 'O', 'O', 'O', 'O', 'O']));
    expect(asPerson[3]!.length).toBeGreaterThan(0);
    expect(asPerson[3]).not.toEqual(asPlace[3]); // the type the rest of the story gave it is in the features
  });

  it('gives nothing to lower-case words or to a capitalised word met once', () => {
    const features = documentFeatures(tokens, label(['B-PER', 'L-PER', 'O', 'O', 'O', 'O', 'O']));
    expect(features[2]).toEqual([]); // arrive
    expect(features[0]).toEqual([]); // Pierre: nowhere else
  });
});
