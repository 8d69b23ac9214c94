import { spanText, type TagContext } from './context.js';
import type { LexiconEntity } from './types.js';

export interface GazetteerMatch {
  to: number;
  /** Undefined for a known non-entity ("World Cup", "Brexit"), which the tagger skips. */
  entity?: LexiconEntity;
}

const NON_ENTITY = null;

function lookup(ctx: TagContext, surface: string): LexiconEntity | null | undefined {
  if (ctx.lexicon.nonEntities.has(surface)) return NON_ENTITY;
  const exact = ctx.lexicon.surfaces.get(surface);
  // Shouted copy ("NEW YORK (AP)", "TREASURY"): try the capitalised form of each word.
  // Short all-caps words are acronyms, whose capitalised form means something else.
  if (exact || surface.length <= 5 || /\p{Ll}/u.test(surface)) return exact;
  const titled = surface.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
  return ctx.lexicon.surfaces.get(titled);
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
  const longest = Math.min(limit, from + ctx.lexicon.maxSurfaceTokens);
  for (let to = longest; to > from; to--) {
    const entity = lookup(ctx, spanText(ctx, from, to));
    if (entity !== undefined) return { to, entity: entity ?? undefined };
  }
  return undefined;
}
