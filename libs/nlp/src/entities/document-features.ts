import { FEATURE_BITS, hashString } from './features.js';
import { LABELS } from './sequence-model.js';
import type { Token } from './types.js';

// The second stage's non-local features (Ratinov & Roth 2009, "two-stage prediction aggregation"):
// how the first stage labelled the same word elsewhere in the story. "Dupont" alone after "Pierre
// Dupont", a team named three times, a company once taken for a place: the second stage sees what
// the rest of the document says and types them once, consistently.

const MASK = (1 << FEATURE_BITS) - 1;
const TYPES = ['O', 'PER', 'ORG', 'LOC', 'MISC'] as const;
const typeOf = (label: number): number => (label === 0 ? 0 : 1 + ((label - 1) >> 2));
const id = (name: string): number => {
  const h = hashString(`doc:${name}`);
  return (h ^ (h >>> FEATURE_BITS)) & MASK;
};
/** Ids per kind and type: [kind][type]. */
const KINDS = ['other', 'majority', 'before', 'inname', 'surname', 'forename'] as const;
const IDS = Object.fromEntries(KINDS.map((kind) => [kind, TYPES.map((t) => id(`${kind}:${t}`))])) as Record<(typeof KINDS)[number], number[]>;
const CAP_ALONE = id('cap-alone');

/**
 * Per token, the ids of its document features given the first stage's labels. Only capitalised
 * words get them: a function word's other occurrences say nothing about it.
 */
export function documentFeatures(tokens: readonly Token[], labels: ArrayLike<number>): number[][] {
  const out: number[][] = tokens.map(() => []);
  const occurrences = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    if (!t.cap) return;
    const list = occurrences.get(t.text);
    if (list) list.push(i);
    else occurrences.set(t.text, [i]);
  });
  // Words inside multi-word names of the first stage: bit k = type k, anywhere / first / last.
  const inName = new Map<string, { any: number; first: number; last: number }>();
  for (let i = 0; i < tokens.length; i++) {
    const label = LABELS[labels[i]!]!;
    if (label[0] !== 'B' && label[0] !== 'I' && label[0] !== 'L') continue;
    const bit = 1 << typeOf(labels[i]!);
    const entry = inName.get(tokens[i]!.text) ?? { any: 0, first: 0, last: 0 };
    entry.any |= bit;
    if (label[0] === 'B') entry.first |= bit;
    if (label[0] === 'L') entry.last |= bit;
    inName.set(tokens[i]!.text, entry);
  }
  for (const [word, at] of occurrences) {
    const names = inName.get(word);
    for (const i of at) {
      const ids = out[i]!;
      const counts = [0, 0, 0, 0, 0];
      let before = -1;
      for (const j of at) {
        if (j === i) continue;
        counts[typeOf(labels[j]!)]!++;
        if (j < i) before = typeOf(labels[j]!);
      }
      let best = -1;
      for (let k = 0; k < counts.length; k++) {
        if (counts[k]) ids.push(IDS.other[k]!);
        if (counts[k]! > (best < 0 ? 0 : counts[best]!)) best = k;
      }
      if (best >= 0) ids.push(IDS.majority[best]!);
      if (before >= 0) ids.push(IDS.before[before]!);
      if (names) {
        const single = LABELS[labels[i]!]![0] === 'U' || labels[i] === 0;
        for (let k = 1; k < TYPES.length; k++) {
          if (names.any & (1 << k)) ids.push(IDS.inname[k]!);
          if (single && names.last & (1 << k)) ids.push(IDS.surname[k]!);
          if (single && names.first & (1 << k)) ids.push(IDS.forename[k]!);
        }
        if (single) ids.push(CAP_ALONE);
      }
    }
  }
  return out;
}

/** Each token's features with its document features added. */
export function withDocumentFeatures(features: readonly Uint32Array[], extra: readonly number[][]): Uint32Array[] {
  return features.map((f, i) => {
    const more = extra[i]!;
    if (!more.length) return f;
    const joined = new Uint32Array(f.length + more.length);
    joined.set(f);
    joined.set(more, f.length);
    return joined;
  });
}
