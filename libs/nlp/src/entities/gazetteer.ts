import { spanText, type TagContext } from './context.js';
import type { LexiconEntity } from './types.js';

export interface GazetteerMatch {
  to: number;
  /** Undefined for a known non-entity ("World Cup", "Brexit"), which the tagger skips. */
  entity?: LexiconEntity;
}

const NON_ENTITY = null;

const titleCase = (s: string): string => s.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());

/** The text with every word capitalised, made once per text and only for shouted copy. */
function titledText(ctx: TagContext): string {
  if (ctx.titled === undefined) {
    const titled = titleCase(ctx.source);
    ctx.titled = titled.length === ctx.source.length ? titled : ''; // offsets must still agree
  }
  return ctx.titled;
}

function lookup(ctx: TagContext, from: number, to: number, shouted: boolean): LexiconEntity | null | undefined {
  const surface = spanText(ctx, from, to);
  if (ctx.lexicon.nonEntities.has(surface)) return NON_ENTITY;
  const exact = ctx.lexicon.surfaces.get(surface);
  // Shouted copy ("NEW YORK (AP)", "TREASURY"): try the capitalised form of each word.
  // Short all-caps words are acronyms, whose capitalised form means something else.
  if (exact || !shouted || surface.length <= 5 || /\p{Ll}/u.test(surface)) return exact;
  return ctx.lexicon.surfaces.get(titledText(ctx).slice(ctx.tokens[from]!.start, ctx.tokens[to - 1]!.end));
}

/** Whether any lexicon entry can start with the word at `from`: most words are ruled out at once. */
function canStart(ctx: TagContext, from: number): 'exact' | 'shouted' | undefined {
  const token = ctx.tokens[from]!;
  if (ctx.lexicon.firstWords.has(token.text)) return 'exact';
  // Only capitals in a row are shouted copy; a lone acronym ("UN", "AI") is what it says.
  const shouted = token.upper && (ctx.shouted.has(from) || ctx.tokens[from + 1]?.upper === true || token.text.length > 5);
  return shouted && ctx.lexicon.firstWords.has(titleCase(token.text)) ? 'shouted' : undefined;
}

/** Longest lexicon entry starting at token `from` and ending before `limit`, memoised per text. */
export function longestMatch(ctx: TagContext, from: number, limit: number): GazetteerMatch | undefined {
  // Resolution asks the same question several times; shouted copy makes each answer costly.
  const key = from * 0x100000 + limit;
  if (ctx.matches.has(key)) return ctx.matches.get(key) as GazetteerMatch | undefined;
  const match = searchMatch(ctx, from, limit);
  ctx.matches.set(key, match);
  return match;
}

function searchMatch(ctx: TagContext, from: number, limit: number): GazetteerMatch | undefined {
  const start = canStart(ctx, from);
  if (!start) return undefined;
  const longest = Math.min(limit, from + ctx.lexicon.maxSurfaceTokens);
  for (let to = longest; to > from; to--) {
    const entity = lookup(ctx, from, to, start === 'shouted');
    if (entity !== undefined) return { to, entity: entity ?? undefined };
  }
  return undefined;
}
