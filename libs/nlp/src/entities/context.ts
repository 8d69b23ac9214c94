import type { Lexicon } from './lexicon.js';
import type { Token } from './types.js';

/** Everything the resolution steps need about one text; built once per tag() call. */
export interface TagContext {
  source: string;
  /** ISO 639-1 code of the text, as given by the caller. */
  language: string;
  tokens: Token[];
  lexicon: Lexicon;
  /** Everyday words of the text's language, when the lexicon has them. */
  commonWords?: ReadonlySet<string>;
  /** Token indexes on lines written in Title Case or capitals, where capitals prove nothing. */
  shouted: ReadonlySet<number>;
  /** Lexicon look-ups already made for this text, by start and limit token (see gazetteer.ts). */
  matches: Map<number, unknown>;
  /** The text in Title Case, made on demand for shouted copy (see gazetteer.ts). */
  titled?: string;
  /** Training only: says whether to keep each list match (gazetteer dropout). */
  keepListMatch?: () => boolean;
}

export function tokenLower(ctx: TagContext, i: number): string {
  return ctx.tokens[i]?.lower ?? '';
}

/** Text of tokens [from, to) as written, including the blanks and particles between them. */
export function spanText(ctx: TagContext, from: number, to: number): string {
  return ctx.source.slice(ctx.tokens[from]!.start, ctx.tokens[to - 1]!.end);
}

// A line is "shouted" when most of its longer words are capitalised: headlines in Title Case
// or capitals. Short function words are ignored since Title Case often keeps them low.
const SHOUTED_SHARE = 0.7;
const MIN_WORDS = 4;

export function findShouted(source: string, tokens: readonly Token[]): Set<number> {
  const shouted = new Set<number>();
  let lineStart = 0;
  const flush = (end: number): void => {
    const words = [];
    for (let i = lineStart; i < end; i++) if (tokens[i]!.text.length > 3) words.push(tokens[i]!);
    const caps = words.filter((t) => t.cap).length;
    if (words.length >= MIN_WORDS && caps / words.length >= SHOUTED_SHARE) for (let i = lineStart; i < end; i++) shouted.add(i);
    lineStart = end;
  };
  for (let i = 1; i < tokens.length; i++) {
    if (source.slice(tokens[i - 1]!.end, tokens[i]!.start).includes('\n')) flush(i);
  }
  flush(tokens.length);
  return shouted;
}
