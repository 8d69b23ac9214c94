import type { Token } from './types.js';
import { tokenize } from './tokenize.js';

// Typed name lists (libs/nlp/data/gazetteers.json: companies, ministries, newspapers, teams, job
// titles …) matched over the token stream in one pass. The model reads a token's position in a
// match of each list (B, I, L of a multi-word entry, U of a one-word entry) as a feature, so a list
// is evidence to weigh, never a rule: "Apple" in a list of companies still has to look like one.

/** The shape written by libs/nlp/scripts/build-gazetteers.mjs. */
export interface GazetteerFile {
  version: number;
  classes: Record<string, string[]>;
}

interface Node {
  next: Map<string, Node>;
  /** Bit k set: an entry of class k ends here. */
  ends: number;
}

export interface GazetteerLists {
  readonly classes: readonly string[];
  readonly root: Map<string, Node>;
  readonly maxTokens: number;
}

export const GAZETTEER_POSITIONS = ['B', 'I', 'L', 'U'] as const;

/** Builds the token trie of every list; at most 31 classes (one bit each). */
export function buildGazetteerLists(file: GazetteerFile): GazetteerLists {
  const classes = Object.keys(file.classes).slice(0, 31);
  const root = new Map<string, Node>();
  let maxTokens = 1;
  classes.forEach((name, k) => {
    for (const entry of file.classes[name]!) {
      const words = tokenize(entry, () => true).map((t) => t.text);
      if (!words.length) continue;
      maxTokens = Math.max(maxTokens, words.length);
      let level = root;
      let node: Node | undefined;
      for (const word of words) {
        node = level.get(word);
        if (!node) level.set(word, (node = { next: new Map(), ends: 0 }));
        level = node.next;
      }
      node!.ends |= 1 << k;
    }
  });
  return { classes, root, maxTokens };
}

/**
 * Per token, the codes `class * 4 + position` of the list matches covering it. Per class, the
 * longest match starting at each token, taken left to right without overlap. `keep` drops a match
 * when it says no (gazetteer dropout in training: the model must not lean on lists alone).
 */
export function matchGazetteers(lists: GazetteerLists, tokens: readonly Token[], keep?: () => boolean): number[][] {
  const out: number[][] = tokens.map(() => []);
  const busyUntil = new Int32Array(lists.classes.length);
  for (let i = 0; i < tokens.length; i++) {
    let node = lists.root.get(tokens[i]!.text);
    if (!node) continue;
    // Longest end per class among matches starting at i.
    const longest = new Map<number, number>();
    for (let j = i; node;) {
      for (let bits = node.ends, k = 0; bits; bits >>>= 1, k++) if (bits & 1) longest.set(k, j + 1);
      j++;
      node = j < tokens.length ? node.next.get(tokens[j]!.text) : undefined;
    }
    for (const [k, end] of longest) {
      if (busyUntil[k]! > i || (keep && !keep())) continue;
      busyUntil[k] = end;
      if (end - i === 1) out[i]!.push(k * 4 + 3);
      else for (let t = i; t < end; t++) out[t]!.push(k * 4 + (t === i ? 0 : t === end - 1 ? 2 : 1));
    }
  }
  return out;
}
