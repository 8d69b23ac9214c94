import { tokenLower, type TagContext } from './context.js';
import { everyday } from './words.js';
import { OF, ORG_FOLLOWERS, ORG_HEADS, ORG_PRECEDERS, ORG_TAILS, PERSON_FOLLOWERS, PLACE_HEADS, PLACE_NOUNS, PLACE_PREPOSITIONS, PLACE_TAILS } from './cues.js';
import type { EntityType } from './types.js';

export interface Typing {
  type: EntityType;
  confidence: number;
  /** No evidence at all: keep only if another mention vouches for the name. */
  weak?: boolean;
}

const ACRONYM = /^[\p{Lu}\d&]{2,6}$/u;
// Brand spelling with an inner capital (OpenAI, UraMin, PayPal), but not Mc/Mac/De/Le surnames.
const CAMEL_CASE = /^(?!Mc|Mac|De|Le|La|Di|Van|Von)\p{Lu}?\p{Ll}+\p{Lu}/u;
// Endings that only place names have: Swaziland, Kazakhstan, Flamanville, Strasbourg, Kaliningrad.
const PLACE_ENDING = /\p{Ll}(?:land|stan|ville|bourg|burg|burgh|grad|polis|shire|abad|pur)$/u;

/** Evidence inside the span: legal forms, institution heads, street or river words. */
function internalCue(ctx: TagContext, from: number, to: number): Typing | undefined {
  const first = tokenLower(ctx, from);
  const last = tokenLower(ctx, to - 1);
  // A head or tail word alone ("la Commission", "the Council") is a common noun, not a name.
  if (to - from === 1) return undefined;
  if (ORG_HEADS.has(first) || ORG_TAILS.has(last)) return { type: 'organisation', confidence: 0.7 };
  if (PLACE_TAILS.has(last) || PLACE_HEADS.has(first)) return { type: 'place', confidence: 0.6 };
  return undefined;
}

/** Evidence around the span: "à X", "the company X", "X said". */
function contextCue(ctx: TagContext, from: number, to: number): Typing | undefined {
  const before = tokenLower(ctx, from - 1);
  const after = tokenLower(ctx, to);
  if (ORG_PRECEDERS.has(before) || ORG_FOLLOWERS.has(after)) return { type: 'organisation', confidence: 0.6 };
  if (PERSON_FOLLOWERS.has(after)) return { type: 'person', confidence: 0.6 };
  if (PLACE_PREPOSITIONS.has(before)) return { type: 'place', confidence: 0.5 };
  if (OF.has(before) && PLACE_NOUNS.has(tokenLower(ctx, from - 2))) return { type: 'place', confidence: 0.6 };
  return undefined;
}

/** Types a capitalised run that no lexicon entry covers. */
export function typeUnknown(ctx: TagContext, from: number, to: number, personCue: boolean): Typing {
  const inside = internalCue(ctx, from, to);
  if (inside) return inside;
  if (personCue) return { type: 'person', confidence: 0.7 };
  const single = to - from === 1;
  const token = ctx.tokens[from]!;
  if (single && ACRONYM.test(token.text) && !ctx.shouted.has(from)) return { type: 'organisation', confidence: 0.6 };
  if (single && CAMEL_CASE.test(token.text)) return { type: 'organisation', confidence: 0.5 };
  if (PLACE_ENDING.test(ctx.tokens[to - 1]!.text)) return { type: 'place', confidence: 0.5 };
  const around = contextCue(ctx, from, to);
  const unproven = ctx.shouted.has(from) || (single && token.initial) || everyday(ctx, from, to);
  if (around) return unproven ? { ...around, weak: true } : around;
  if (!single) return { type: 'person', confidence: 0.5, weak: unproven };
  return { type: 'person', confidence: 0.3, weak: unproven };
}
