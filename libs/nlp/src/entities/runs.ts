import { tokenLower, type TagContext } from './context.js';
import { FUNCTION_WORDS, ORG_HEADS, ORG_TAILS, PLACE_TAILS } from './cues.js';
import { longestMatch } from './gazetteer.js';
import { everyday, isConnector, isFiller, isInitial, isTitle } from './words.js';

// Where a name that starts at a given token ends, by the shape of the words that follow.
// Each returns the end token (exclusive), or undefined when the shape does not apply.

// Particles inside a person's name: Charles de Gaulle, Ursula von der Leyen, Ibn al-Khattab.
const NAME_PARTICLES = new Set(['de', 'du', "d'", 'd’', 'van', 'von', 'der', 'den', 'da', 'di', 'dos', 'del', 'della', 'al', 'el', 'bin', 'ben', 'ibn', 'le', 'la']);

const nameWord = (ctx: TagContext, i: number): boolean => ctx.tokens[i]!.cap && !isTitle(ctx, i) && !isFiller(ctx, i);
// In a Title Case headline every word is capitalised: "Sam Altman Says …" stops at "Says".
const surnameWord = (ctx: TagContext, i: number): boolean => nameWord(ctx, i) && !(ctx.shouted.has(i) && everyday(ctx, i, i + 1));

function startsPerson(ctx: TagContext, from: number, limit: number): boolean {
  const first = ctx.tokens[from]!;
  if (!ctx.lexicon.firstNames.has(first.lower) || FUNCTION_WORDS.has(first.lower) || first.upper) return false;
  // "Miami Heat", "Sydney Opera House": a known place followed by everyday words is no person.
  const place = ctx.lexicon.surfaces.get(first.text)?.type === 'place';
  return !(place && from + 1 < limit && everyday(ctx, from + 1, from + 2));
}

/** First name + capitalised words (+ particle + surname): "Sam Altman", "Charles de Gaulle". */
export function personRunEnd(ctx: TagContext, from: number, limit: number): number | undefined {
  if (!startsPerson(ctx, from, limit)) return undefined;
  let end = from + 1;
  while (end < limit) {
    if (isInitial(ctx, end) || surnameWord(ctx, end)) end++;
    else if (NAME_PARTICLES.has(tokenLower(ctx, end)) && end + 1 < limit && !longestMatch(ctx, end + 1, limit)) end += 2;
    else break;
  }
  if (end === from + 1) return undefined;
  const last = tokenLower(ctx, end - 1);
  return ORG_TAILS.has(last) || PLACE_TAILS.has(last) ? undefined : end;
}

/** Capitalised words from `from` up to the next particle, title, filler word or full name. */
export function unknownRunEnd(ctx: TagContext, from: number, limit: number): number {
  let end = from + 1;
  // "Refugee Council Enver Solomon": a first name followed by a name starts a new mention.
  while (end < limit && nameWord(ctx, end) && !personRunEnd(ctx, end, limit)) end++;
  return end;
}

/** A chain led by an institution word is one organisation: "Université de Montpellier". */
export function institutionEnd(ctx: TagContext, from: number, limit: number): number | undefined {
  if (!ORG_HEADS.has(tokenLower(ctx, from)) || limit - from < 2) return undefined;
  // "University of Texas Arlington Amneh Jafari": a person's name ends the institution.
  let end = from + 1;
  while (end < limit && (ctx.lexicon.surfaces.has(ctx.tokens[end]!.text) || !personRunEnd(ctx, end, limit))) end++;
  while (end > from + 1 && isConnector(ctx, end - 1)) end--;
  return end > from + 1 ? end : undefined;
}

/** Capitalised words ending in an institution word, even led by a nationality: "Korean Central News Agency". */
export function orgTailEnd(ctx: TagContext, from: number, limit: number): number | undefined {
  let end = from;
  while (end < limit && ctx.tokens[end]!.cap && !isTitle(ctx, end) && !FUNCTION_WORDS.has(tokenLower(ctx, end))) end++;
  return end - from > 1 && ORG_TAILS.has(tokenLower(ctx, end - 1)) ? end : undefined;
}

/** Capitalised words after a known place, before a title or filler word. */
export function afterPlaceEnd(ctx: TagContext, placeEnd: number, limit: number): number {
  return placeEnd < limit && nameWord(ctx, placeEnd) ? unknownRunEnd(ctx, placeEnd, limit) : placeEnd;
}
