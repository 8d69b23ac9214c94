import { describe, expect, it } from '@jest/globals';
import { buildGazetteerLists, matchGazetteers } from './gazetteer-lists.js';
import { tokenize } from './tokenize.js';

const lists = buildGazetteerLists({
  version: 1,
  classes: { 'org-media': ['The Straits Times', 'Times'], 'loc-city': ['New York'], 'org-ending': ['Inc'] },
});

/** Per token, "class:position" of its list matches. */
function matches(text: string, keep?: () => boolean): string[][] {
  return matchGazetteers(
    lists,
    tokenize(text, () => false),
    keep,
  ).map((codes) => codes.map((c) => `${lists.classes[c >> 2]}:${'BILU'[c & 3]}`));
}

describe('typed name lists', () => {
  it('marks each token of the longest entry of each list with its position in it', () => {
    expect(matches('The Straits Times of New York')).toEqual([['org-media:B'], ['org-media:I'], ['org-media:L'], [], ['loc-city:B'], ['loc-city:L']]);
  });

  it('gives a one-word entry the U position and is case-sensitive', () => {
    expect(matches('Acme Inc bought the times')).toEqual([[], ['org-ending:U'], [], [], []]);
  });

  it('drops the matches the dropout says no to, and only those', () => {
    expect(matches('Times in New York', () => false)).toEqual([[], [], [], []]);
    let first = true;
    const dropFirst = () => {
      const keep = !first;
      first = false;
      return keep;
    };
    expect(matches('Times in New York', dropFirst)).toEqual([[], [], ['loc-city:B'], ['loc-city:L']]);
  });
});
