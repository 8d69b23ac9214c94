import { tokenLower, type TagContext } from './context.js';
import { CONNECTORS, FUNCTION_WORDS, NEVER_NAMES, PERSON_TITLES } from './cues.js';

// Predicates on one token of the text, in context.

// Plural acronyms ("MPs", "CEOs"), centuries ("XXe"), lone letters and model codes ("A380")
// are not names.
export const NOT_A_NAME = /^(?:\p{Lu}{2,}s|[IVXL]+(?:e|er|ème|th)|\p{Lu}|\p{Lu}{1,3}-?\d[\d\p{L}-]*)$/u;

export const isTitle = (ctx: TagContext, i: number): boolean => PERSON_TITLES.has(tokenLower(ctx, i));

/** A lower-case particle that may sit inside a name ("Banque de France"). */
export const isConnector = (ctx: TagContext, i: number): boolean => CONNECTORS.has(tokenLower(ctx, i)) && !ctx.tokens[i]!.cap;

/** Capitalised words that cannot start or be a name: function words, days, nationalities. */
export function isFiller(ctx: TagContext, i: number): boolean {
  const t = ctx.tokens[i]!;
  if (FUNCTION_WORDS.has(t.lower) || NEVER_NAMES.has(t.lower) || NOT_A_NAME.test(t.text)) return true;
  return ctx.lexicon.demonyms.has(t.text) || ctx.lexicon.nonEntities.has(t.text);
}

/** A sentence-initial everyday word ("Yesterday", "Leaked") that is no first name. */
export function initialWord(ctx: TagContext, i: number): boolean {
  const t = ctx.tokens[i]!;
  return (t.initial || ctx.shouted.has(i)) && everyday(ctx, i, i + 1) && !ctx.lexicon.firstNames.has(t.lower);
}

/** A shouted everyday word ("GOLF", "DAY") is no acronym. */
export function shoutedWord(ctx: TagContext, i: number): boolean {
  const t = ctx.tokens[i]!;
  return t.upper && t.text.length > 2 && everyday(ctx, i, i + 1);
}

/** A middle initial: "William T. Sherman". */
export function isInitial(ctx: TagContext, i: number): boolean {
  const t = ctx.tokens[i]!;
  return t.text.length === 1 && t.cap && ctx.source[t.end] === '.';
}

function isEveryday(common: ReadonlySet<string>, word: string): boolean {
  if (common.has(word) || common.has(word.replace(/[sx]$/, ''))) return true;
  // "T-shirt", "Go-Getter", "Self-Starter": compounds of everyday words.
  return word.includes('-') && word.split('-').every((part) => part.length < 2 || common.has(part) || common.has(part.replace(/[sx]$/, '')));
}

/**
 * Mostly everyday words ("Government", "Science Fair", "Industrial Strength Lunch Decoy"):
 * capitals there come from titles and headings more often than from names.
 */
export function everyday(ctx: TagContext, from: number, to: number): boolean {
  const common = ctx.commonWords;
  if (!common) return false;
  let count = 0;
  for (let i = from; i < to; i++) if (isEveryday(common, tokenLower(ctx, i))) count++;
  // Two words must both be everyday ("Science Fair"; not "Rasual Butler"); longer runs mostly.
  const n = to - from;
  return n <= 2 ? count === n : count * 2 > n;
}
