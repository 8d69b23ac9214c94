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
import { everyday } from './words.js';

// What the sequence model sees of each token: its own form, its neighbours, the punctuation
// around it and what the lexicons and cue lists say. Features are strings hashed into a
// fixed number of buckets, so the model file holds no vocabulary.

export const FEATURE_BITS = 20;
const FEATURE_MASK = (1 << FEATURE_BITS) - 1;

/** FNV-1a, 32 bits, folded into the bucket range. */
export function hashFeature(feature: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h ^ (h >>> FEATURE_BITS)) & FEATURE_MASK;
}

/** "Macron" -> "Xx", "OTAN" -> "X", "A380" -> "Xd", "l'" -> "x'": runs of one class collapsed. */
export function wordShape(text: string): string {
  let shape = '';
  let last = '';
  for (const c of text) {
    const cls = /\p{Lu}/u.test(c) ? 'X' : /\p{Ll}/u.test(c) ? 'x' : /\p{N}/u.test(c) ? 'd' : c;
    if (cls !== last) shape += cls;
    last = cls;
  }
  return shape;
}

/** The punctuation between two tokens, blanks removed: "", ",", ".", "(", "\n" … */
function gapClass(ctx: TagContext, from: number, to: number): string {
  const gap = ctx.source.slice(from, to);
  if (gap.includes('\n')) return 'NL';
  const marks = gap.replace(/\s+/gu, '');
  return marks.length > 2 ? marks.slice(0, 2) : marks;
}

/** Lexicon labels per token, BIO over the lexicon's type: longest entries, left to right. */
function lexiconLabels(ctx: TagContext): string[] {
  const labels = new Array<string>(ctx.tokens.length).fill('');
  for (let i = 0; i < ctx.tokens.length; ) {
    const match = ctx.tokens[i]!.cap ? longestMatch(ctx, i, ctx.tokens.length) : undefined;
    if (!match) {
      i++;
      continue;
    }
    const type = match.entity?.type ?? 'none';
    for (let k = i; k < match.to; k++) labels[k] = `${k === i ? 'B' : 'I'}${match.to - i > 1 ? 'm' : '1'}-${type}`;
    i = match.to;
  }
  return labels;
}

interface TokenView {
  lower: string;
  shape: string;
  lex: string;
}

function cueFeatures(ctx: TagContext, i: number, add: (f: string) => void): void {
  const l0 = tokenLower(ctx, i);
  const prev = tokenLower(ctx, i - 1);
  const next = tokenLower(ctx, i + 1);
  if (PERSON_TITLES.has(prev)) add('cue:title-1');
  if (PERSON_TITLES.has(l0)) add('cue:title0');
  if (ORG_HEADS.has(l0)) add('cue:orghead');
  if (ORG_TAILS.has(l0)) add('cue:orgtail');
  if (ORG_TAILS.has(next)) add('cue:orgtail+1');
  if (PLACE_TAILS.has(l0)) add('cue:placetail');
  if (PLACE_TAILS.has(next)) add('cue:placetail+1');
  if (PLACE_HEADS.has(l0)) add('cue:placehead');
  if (PLACE_PREPOSITIONS.has(prev)) add('cue:placeprep-1');
  if (ORG_PRECEDERS.has(prev)) add('cue:orgprec-1');
  if (ORG_FOLLOWERS.has(next)) add('cue:orgfoll+1');
  if (PERSON_FOLLOWERS.has(next)) add('cue:perfoll+1');
  if (OF.has(prev) && PLACE_NOUNS.has(tokenLower(ctx, i - 2))) add('cue:placenoun-2');
  if (NEVER_NAMES.has(l0)) add('cue:never');
  if (FUNCTION_WORDS.has(l0)) add('cue:function');
  if (CONNECTORS.has(l0)) add('cue:connector');
}

function lexiconFeatures(ctx: TagContext, i: number, add: (f: string) => void): void {
  const t = ctx.tokens[i]!;
  const lex = ctx.lexicon;
  if (lex.firstNames.has(t.lower)) add(t.cap ? 'lex:firstname-cap' : 'lex:firstname');
  if (lex.firstNames.has(tokenLower(ctx, i - 1)) && ctx.tokens[i - 1]?.cap) add('lex:firstname-1');
  if (lex.demonyms.has(t.text)) add('lex:demonym');
  if (lex.nonEntities.has(t.text)) add('lex:nonentity');
  if (ctx.commonWords && everyday(ctx, i, i + 1)) add(t.cap ? 'lex:everyday-cap' : 'lex:everyday');
  // A whole capitalised run known to the lexicon: its span as one unit.
  if (t.cap && lex.surfaces.has(t.text)) add(`lex:word-${lex.surfaces.get(t.text)!.type}`);
}

/** Hashed feature ids of every token of the text, in token order. */
export function extractFeatures(ctx: TagContext): Uint32Array[] {
  const n = ctx.tokens.length;
  const lex = lexiconLabels(ctx);
  const views: TokenView[] = ctx.tokens.map((t, i) => ({ lower: t.lower, shape: wordShape(t.text), lex: lex[i]! }));
  const view = (i: number): TokenView => views[i] ?? { lower: i < 0 ? '<s>' : '</s>', shape: '_', lex: '' };
  const out: Uint32Array[] = [];
  for (let i = 0; i < n; i++) {
    const ids: number[] = [];
    const add = (f: string): void => {
      ids.push(hashFeature(f));
    };
    const t = ctx.tokens[i]!;
    const v = views[i]!;
    add('bias');
    add(`w=${t.text}`);
    add(`l=${v.lower}`);
    add(`sh=${v.shape}`);
    for (let k = 1; k <= 4 && k <= v.lower.length; k++) {
      add(`p${k}=${v.lower.slice(0, k)}`);
      add(`s${k}=${v.lower.slice(-k)}`);
    }
    for (const o of [-2, -1, 1, 2]) {
      const w = view(i + o);
      add(`l${o}=${w.lower}`);
      add(`sh${o}=${w.shape}`);
      if (w.lex) add(`gz${o}=${w.lex}`);
    }
    add(`l-1|l=${view(i - 1).lower}|${v.lower}`);
    add(`l|l+1=${v.lower}|${view(i + 1).lower}`);
    add(`sh-1|sh|sh+1=${view(i - 1).shape}|${v.shape}|${view(i + 1).shape}`);
    const before = gapClass(ctx, i > 0 ? ctx.tokens[i - 1]!.end : 0, t.start);
    const after = gapClass(ctx, t.end, i + 1 < n ? ctx.tokens[i + 1]!.start : ctx.source.length);
    add(`gap-=${before}`);
    add(`gap+=${after}`);
    add(`init=${t.initial}|${v.shape}`);
    if (ctx.shouted.has(i)) add(`shouted|${v.shape}`);
    if (v.lex) {
      add(`gz=${v.lex}`);
      add(`gz|sh=${v.lex}|${v.shape}`);
    }
    add(`lang=${ctx.language}|${v.shape}`);
    cueFeatures(ctx, i, add);
    lexiconFeatures(ctx, i, add);
    out.push(Uint32Array.from(ids));
  }
  return out;
}

/** The lexicon entry spelled exactly as tokens [from, to), for canonical names. */
export function lexiconEntryAt(ctx: TagContext, from: number, to: number) {
  const match = longestMatch(ctx, from, to);
  if (match?.to === to) return match.entity;
  return ctx.lexicon.surfaces.get(spanText(ctx, from, to));
}
