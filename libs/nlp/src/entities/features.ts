import { spanText, tokenLower, type TagContext } from './context.js';
import {
  CONNECTORS,
  FUNCTION_WORDS,
  NEVER_NAMES,
  OF,
  ORG_FOLLOWERS,
  ORG_HEADS,
  ORG_PRECEDERS,
  ORG_TAILS,
  PERSON_FOLLOWERS,
  PERSON_TITLES,
  PLACE_HEADS,
  PLACE_NOUNS,
  PLACE_PREPOSITIONS,
  PLACE_TAILS,
} from './cues.js';
import { longestMatch } from './gazetteer.js';
import { matchGazetteers } from './gazetteer-lists.js';
import type { Lexicon } from './lexicon.js';
import { FeatureGroup } from './two-stage-model.js';
import { everyday } from './words.js';

// What the sequence model sees of each token: its own form, its neighbours, the punctuation
// around it and what the lexicons and cue lists say. Features are hashed into a fixed number of
// buckets, so the model file holds no vocabulary. A word's own hashes are computed once per
// process and cached; a feature about a neighbour mixes that word's hash with the template's.

export const FEATURE_BITS = 20;
const FEATURE_MASK = (1 << FEATURE_BITS) - 1;

/** FNV-1a, 32 bits. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Combines two hashes (murmur3 finaliser over their xor-multiply). */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 13)) >>> 0;
}

const bucket = (h: number): number => (h ^ (h >>> FEATURE_BITS)) & FEATURE_MASK;

/** "Macron" -> "Xx", "OTAN" -> "X", "A380" -> "Xd", "l'" -> "x'": runs of one class collapsed. */
export function wordShape(text: string): string {
  let shape = '';
  let last = '';
  for (const c of text) {
    const lower = c.toLowerCase();
    const upper = c.toUpperCase();
    const cls = lower !== upper ? (c === upper ? 'X' : 'x') : c >= '0' && c <= '9' ? 'd' : c;
    if (cls !== last) shape += cls;
    last = cls;
  }
  return shape;
}

/** The punctuation between two tokens, blanks removed and cut at two marks: "", ",", ".", "(", "NL" (a new line) … */
function gapClass(source: string, from: number, to: number): string {
  let marks = '';
  for (let k = from; k < to; k++) {
    const c = source.charCodeAt(k);
    if (c === 10) return 'NL';
    if (c <= 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000)
      continue;
    if (marks.length < 2) marks += source[k];
  }
  return marks;
}

// Hashes of the gaps seen so far (a few dozen distinct ones in any text).
const gapHashes = new Map<string, number>();

/** Per gap k (before token k; k = n: after the last), the hash of its class. */
function gapHashesOf(ctx: TagContext): Uint32Array {
  const tokens = ctx.tokens;
  const out = new Uint32Array(tokens.length + 1);
  for (let k = 0; k <= tokens.length; k++) {
    const gap = gapClass(ctx.source, k > 0 ? tokens[k - 1]!.end : 0, k < tokens.length ? tokens[k]!.start : ctx.source.length);
    let h = gapHashes.get(gap);
    if (h === undefined) gapHashes.set(gap, (h = hashString(gap)));
    out[k] = h;
  }
  return out;
}

/** Lexicon labels per token, BIO over the lexicon's type: longest entries, left to right. */
function lexiconLabels(ctx: TagContext): string[] {
  const labels = new Array<string>(ctx.tokens.length).fill('');
  for (let i = 0; i < ctx.tokens.length;) {
    const match = ctx.tokens[i]!.cap ? longestMatch(ctx, i, ctx.tokens.length) : undefined;
    if (!match) {
      i++;
      continue;
    }
    if (ctx.keepListMatch && !ctx.keepListMatch()) {
      i = match.to;
      continue;
    }
    const type = match.entity?.type ?? 'none';
    for (let k = i; k < match.to; k++) labels[k] = `${k === i ? 'B' : 'I'}${match.to - i > 1 ? 'm' : '1'}-${type}`;
    i = match.to;
  }
  return labels;
}

/** What a word says on its own, whatever its neighbours: computed once per word and language. */
interface WordInfo {
  lower: number;
  shape: number;
  /** Cluster path of the lower-case word (-1: none). */
  cluster: number;
  /** Buckets of the word's own features. */
  own: FeatureGroup;
  /** Buckets of what the word says as a neighbour, at offsets -2, -1, +1, +2 (see NEAR). */
  near: FeatureGroup[];
}

const feature = (name: string): number => bucket(hashString(name));
/** The neighbours a token's features look at. */
const NEAR = [-2, -1, 1, 2] as const;
const template = (name: string): number => hashString(`template:${name}`);
const T = {
  word: template('w'),
  lower: template('l'),
  shape: template('sh'),
  prefix: [1, 2, 3, 4].map((k) => template(`p${k}`)),
  suffix: [1, 2, 3, 4].map((k) => template(`s${k}`)),
  near: NEAR.map((o) => ({ lower: template(`l${o}`), shape: template(`sh${o}`), lex: template(`gz${o}`) })),
  bigramBefore: template('l-1|l'),
  bigramAfter: template('l|l+1'),
  shapes: template('sh-1|sh|sh+1'),
  gapBefore: template('gap-'),
  gapAfter: template('gap+'),
  initial: template('init'),
  shouted: template('shouted'),
  lex: template('gz'),
  lexShape: template('gz|sh'),
  language: template('lang'),
};
const F = Object.fromEntries(
  [
    'bias',
    'title-1',
    'title0',
    'orghead',
    'orgtail',
    'orgtail+1',
    'placetail',
    'placetail+1',
    'placehead',
    'placeprep-1',
    'orgprec-1',
    'orgfoll+1',
    'perfoll+1',
    'placenoun-2',
    'never',
    'function',
    'connector',
    'firstname-cap',
    'firstname',
    'firstname-1',
    'demonym',
    'nonentity',
    'everyday-cap',
    'everyday',
    'word-person',
    'word-organisation',
    'word-place',
  ].map((name) => [name, feature(`f:${name}`)]),
) as Record<string, number>;

/** Cues about the word itself. */
function ownCues(l0: string, ids: number[]): void {
  if (PERSON_TITLES.has(l0)) ids.push(F['title0']!);
  if (ORG_HEADS.has(l0)) ids.push(F['orghead']!);
  if (ORG_TAILS.has(l0)) ids.push(F['orgtail']!);
  if (PLACE_TAILS.has(l0)) ids.push(F['placetail']!);
  if (PLACE_HEADS.has(l0)) ids.push(F['placehead']!);
  if (NEVER_NAMES.has(l0)) ids.push(F['never']!);
  if (FUNCTION_WORDS.has(l0)) ids.push(F['function']!);
  if (CONNECTORS.has(l0)) ids.push(F['connector']!);
}

/** Cues the word gives as the token before another ("M." before a name, "à" before a place). */
function cuesBefore(lower: string, ids: number[]): void {
  if (PERSON_TITLES.has(lower)) ids.push(F['title-1']!);
  if (PLACE_PREPOSITIONS.has(lower)) ids.push(F['placeprep-1']!);
  if (ORG_PRECEDERS.has(lower)) ids.push(F['orgprec-1']!);
}

/** Cues the word gives as the token after another ("SA" after a company, "said" after a person). */
function cuesAfter(lower: string, ids: number[]): void {
  if (ORG_TAILS.has(lower)) ids.push(F['orgtail+1']!);
  if (PLACE_TAILS.has(lower)) ids.push(F['placetail+1']!);
  if (ORG_FOLLOWERS.has(lower)) ids.push(F['orgfoll+1']!);
  if (PERSON_FOLLOWERS.has(lower)) ids.push(F['perfoll+1']!);
}

/**
 * What a word says as the neighbour of a token, at each offset of NEAR: its form, its shape, its
 * cluster, its cues. Fixed per word, so computed once and, in the model, summed once.
 */
function neighbourFeatures(language: string, lower: string, info: { lower: number; shape: number; cluster: number; firstName: boolean }): FeatureGroup[] {
  return NEAR.map((o, k) => {
    const ids = [bucket(mix(T.near[k]!.lower, info.lower)), bucket(mix(T.near[k]!.shape, info.shape))];
    if (o === -1) {
      if (info.firstName) ids.push(F['firstname-1']!);
      if (info.cluster >= 0) ids.push(clusterFeatures(language).before[info.cluster >> 2]!);
      cuesBefore(lower, ids);
    }
    if (o === 1) {
      if (info.cluster >= 0) ids.push(clusterFeatures(language).after[info.cluster >> 2]!);
      cuesAfter(lower, ids);
    }
    return new FeatureGroup(ids);
  });
}

function describeWord(ctx: TagContext, i: number): WordInfo {
  const t = ctx.tokens[i]!;
  const lex = ctx.lexicon;
  const lower = hashString(t.lower);
  const shapeText = wordShape(t.text);
  const shape = hashString(shapeText);
  const own = [F['bias']!, bucket(mix(T.word, hashString(t.text))), bucket(mix(T.lower, lower)), bucket(mix(T.shape, shape))];
  for (let k = 1; k <= 4 && k <= t.lower.length; k++) {
    own.push(bucket(mix(T.prefix[k - 1]!, hashString(t.lower.slice(0, k)))), bucket(mix(T.suffix[k - 1]!, hashString(t.lower.slice(-k)))));
  }
  const firstName = lex.firstNames.has(t.lower);
  if (firstName) own.push(t.cap ? F['firstname-cap']! : F['firstname']!);
  if (lex.demonyms.has(t.text)) own.push(F['demonym']!);
  if (lex.nonEntities.has(t.text)) own.push(F['nonentity']!);
  if (ctx.commonWords && everyday(ctx, i, i + 1)) own.push(t.cap ? F['everyday-cap']! : F['everyday']!);
  const known = t.cap ? lex.surfaces.get(t.text) : undefined;
  if (known) own.push(F[`word-${known.type}`]!);
  const cluster = lex.clusters?.get(ctx.language)?.get(t.lower) ?? -1;
  if (cluster >= 0) {
    const table = clusterFeatures(ctx.language);
    own.push(table.own[0]![cluster >> 4]!, table.own[1]![cluster >> 2]!, table.own[2]![cluster]!);
  }
  ownCues(t.lower, own);
  own.push(bucket(mix(mix(T.language, hashString(ctx.language)), shape)));
  return {
    lower,
    shape,
    cluster,
    own: new FeatureGroup(own),
    near: neighbourFeatures(ctx.language, t.lower, { lower, shape, cluster, firstName: firstName && t.cap }),
  };
}

// Word-cluster features (three levels of the cluster tree; the neighbours' middle level), per language.
interface ClusterFeatures {
  own: Uint32Array[];
  before: Uint32Array;
  after: Uint32Array;
}
const clusterTables = new Map<string, ClusterFeatures>();

function clusterFeatures(language: string): ClusterFeatures {
  let table = clusterTables.get(language);
  if (!table) {
    const ids = (name: string, size: number) => Uint32Array.from({ length: size }, (_v, k) => feature(`cluster:${language}:${name}:${k}`));
    table = { own: [ids('c6', 64), ids('c8', 256), ids('c10', 1024)], before: ids('c8-1', 256), after: ids('c8+1', 256) };
    clusterTables.set(language, table);
  }
  return table;
}

// Per lexicon and language, the words seen so far; cleared when it grows past a bound.
const wordCaches = new WeakMap<Lexicon, Map<string, Map<string, WordInfo>>>();
// Bounded so a long-running service's memory does not grow with every new word it meets
// (a word and its feature groups take about 1 KB; 50,000 words cover most of a news stream).
const MAX_CACHED_WORDS = 50_000;

function wordCache(ctx: TagContext): Map<string, WordInfo> {
  let byLanguage = wordCaches.get(ctx.lexicon);
  if (!byLanguage) wordCaches.set(ctx.lexicon, (byLanguage = new Map()));
  let cache = byLanguage.get(ctx.language);
  if (!cache || cache.size > MAX_CACHED_WORDS) byLanguage.set(ctx.language, (cache = new Map()));
  return cache;
}

/** The edges of the text, as neighbours. */
function outside(mark: string): WordInfo {
  const h = hashString(mark);
  return { lower: h, shape: h, cluster: -1, own: new FeatureGroup([]), near: neighbourFeatures('', '', { lower: h, shape: h, cluster: -1, firstName: false }) };
}
const OUTSIDE_BEFORE = outside('<s>');
const OUTSIDE_AFTER = outside('</s>');

/** Features of the token's place in the text that are not one neighbour's alone. */
function contextFeatures(ctx: TagContext, i: number, words: readonly WordInfo[], lex: readonly number[], gaps: Uint32Array, ids: number[]): void {
  const at = (k: number): WordInfo => words[k] ?? (k < 0 ? OUTSIDE_BEFORE : OUTSIDE_AFTER);
  const w = words[i]!;
  for (let k = 0; k < NEAR.length; k++) {
    const l = lex[i + NEAR[k]!];
    if (l) ids.push(bucket(mix(T.near[k]!.lex, l)));
  }
  ids.push(bucket(mix(mix(T.bigramBefore, at(i - 1).lower), w.lower)), bucket(mix(mix(T.bigramAfter, w.lower), at(i + 1).lower)));
  ids.push(bucket(mix(mix(mix(T.shapes, at(i - 1).shape), w.shape), at(i + 1).shape)));
  const t = ctx.tokens[i]!;
  ids.push(bucket(mix(T.gapBefore, gaps[i]!)), bucket(mix(T.gapAfter, gaps[i + 1]!)));
  ids.push(bucket(mix(mix(T.initial, t.initial ? 1 : 0), w.shape)));
  if (ctx.shouted.has(i)) ids.push(bucket(mix(T.shouted, w.shape)));
  if (lex[i]) ids.push(bucket(mix(T.lex, lex[i])), bucket(mix(mix(T.lexShape, lex[i]), w.shape)));
  if (OF.has(tokenLower(ctx, i - 1)) && PLACE_NOUNS.has(tokenLower(ctx, i - 2))) ids.push(F['placenoun-2']!);
}

// A list match seen from the token itself and from its two neighbours: ids per (offset, class * 4 + position).
const LIST_FEATURES = [-1, 0, 1].map((offset) => Array.from({ length: 31 * 4 }, (_v, code) => feature(`list${offset}:${code}`)));

function listFeatures(lists: readonly number[][], i: number, ids: number[]): void {
  for (let o = -1; o <= 1; o++) {
    const codes = lists[i + o];
    if (!codes) continue;
    const table = LIST_FEATURES[o + 1]!;
    for (const code of codes) ids.push(table[code]!);
  }
}

/**
 * A token's hashed feature ids in two parts: groups that belong to one word whatever its place
 * (the word's own features, and what each neighbour says as a neighbour: arrays shared by every
 * occurrence, so a model adds up each group's weights once per word) and those of its place in
 * the text.
 */
export interface TokenFeatures {
  /** The word's own group first, then its neighbours' groups in NEAR order. */
  shared: readonly FeatureGroup[];
  context: Uint32Array;
}

/** Every group as one array, shared groups first: what training reads. */
export function joinFeatures(token: TokenFeatures): Uint32Array {
  let length = token.context.length;
  for (const group of token.shared) length += group.ids.length;
  const out = new Uint32Array(length);
  let at = 0;
  for (const group of token.shared) {
    out.set(group.ids, at);
    at += group.ids.length;
  }
  out.set(token.context, at);
  return out;
}

/** Hashed feature ids of every token of the text, in token order. */
export function extractFeatures(ctx: TagContext): TokenFeatures[] {
  const cache = wordCache(ctx);
  const words = ctx.tokens.map((t, i) => {
    let info = cache.get(t.text);
    if (!info) cache.set(t.text, (info = describeWord(ctx, i)));
    return info;
  });
  const lex = lexiconLabels(ctx).map((l) => (l ? hashString(l) : 0));
  const gaps = gapHashesOf(ctx);
  const lists = ctx.lexicon.gazetteers ? matchGazetteers(ctx.lexicon.gazetteers, ctx.tokens, ctx.keepListMatch) : [];
  const out: TokenFeatures[] = [];
  const ids: number[] = [];
  for (let i = 0; i < ctx.tokens.length; i++) {
    ids.length = 0;
    contextFeatures(ctx, i, words, lex, gaps, ids);
    listFeatures(lists, i, ids);
    const shared = [words[i]!.own];
    for (let k = 0; k < NEAR.length; k++) {
      const j = i + NEAR[k]!;
      shared.push((words[j] ?? (j < 0 ? OUTSIDE_BEFORE : OUTSIDE_AFTER)).near[k]!);
    }
    out.push({ shared, context: Uint32Array.from(ids) });
  }
  return out;
}

/** The lexicon entry spelled exactly as tokens [from, to), for canonical names. */
export function lexiconEntryAt(ctx: TagContext, from: number, to: number) {
  const match = longestMatch(ctx, from, to);
  if (match?.to === to) return match.entity;
  return ctx.lexicon.surfaces.get(spanText(ctx, from, to));
}
