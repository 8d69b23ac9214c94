import { tokenLower, type TagContext } from './context.js';
import { CHANNEL_TAILS } from './cues.js';
import type { EntityType } from './types.js';

/** The type and confidence given to a span. */
export interface Typing {
  type: EntityType;
  confidence: number;
}
import type { LexiconEntity, Mention } from './types.js';

// Written with a dot that belongs to the name ("Nutrisystem Inc.").
const DOTTED_TAILS = new Set(['inc', 'corp', 'co', 'ltd', 'jr', 'sr', 'st']);
// A channel number after a broadcaster's name belongs to it: "Sky Sports 2".
const CHANNEL_NUMBER = /^ \d{1,2}(?![\d,.]\d)/;

/** End offset of the span, taking in a suffix's dot or a channel number. */
function spanEnd(ctx: TagContext, to: number, type: string): number {
  const end = ctx.tokens[to - 1]!.end;
  const last = tokenLower(ctx, to - 1);
  // The dot is the suffix's unless it also ends the sentence ("… Baker Hughes Inc. The …").
  if (DOTTED_TAILS.has(last) && ctx.source[end] === '.' && !/^\s*(?:$|\p{Lu}|\n)/u.test(ctx.source.slice(end + 1, end + 3))) return end + 1;
  if (type === 'organisation' && CHANNEL_TAILS.has(last)) return end + (CHANNEL_NUMBER.exec(ctx.source.slice(end, end + 4))?.[0].length ?? 0);
  return end;
}

/** The mention over tokens [from, to), with character offsets into the text. */
export function makeMention(ctx: TagContext, from: number, to: number, typing: Typing, entity?: LexiconEntity): Mention {
  const start = ctx.tokens[from]!.start;
  const end = spanEnd(ctx, to, typing.type);
  return { from, to, start, end, text: ctx.source.slice(start, end), ...typing, entity };
}
