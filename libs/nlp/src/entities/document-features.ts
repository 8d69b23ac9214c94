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
  // Words inside multi-word names of the first stage: where, of which type, first or last word.
  const inName = new Map<string, { at: number; bit: number; first: boolean; last: boolean }[]>();
  for (let i = 0; i < tokens.length; i++) {
    const label = LABELS[labels[i]!]!;
    if (label[0] !== 'B' && label[0] !== 'I' && label[0] !== 'L') continue;
    const entry = { at: i, bit: 1 << typeOf(labels[i]!), first: label[0] === 'B', last: label[0] === 'L' };
    const list = inName.get(tokens[i]!.text);
    if (list) list.push(entry);
    else inName.set(tokens[i]!.text, [entry]);
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
      // Names elsewhere (never this occurrence's own label) holding the word.
      let any = 0;
      let first = 0;
      let last = 0;
      for (const n of names ?? []) {
        if (n.at === i) continue;
        any |= n.bit;
        if (n.first) first |= n.bit;
        if (n.last) last |= n.bit;
      }
      if (any) {
        const single = LABELS[labels[i]!]![0] === 'U' || labels[i] === 0;
        for (let k = 1; k < TYPES.length; k++) {
          if (any & (1 << k)) ids.push(IDS.inname[k]!);
          if (single && last & (1 << k)) ids.push(IDS.surname[k]!);
          if (single && first & (1 << k)) ids.push(IDS.forename[k]!);
        }
        if (single) ids.push(CAP_ALONE);
      }
    }
  }
  return out;
}

/** Each token's local features with its document features added: the second stage's input. */
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
