import type { Token } from '../text-facts/tokenize.js';

/**
 * Words without which chrono would find no date. Looking them up among the tokens first keeps
 * chrono (0.5-2 ms on a whole article) to a few short windows, and drops its guesses on names
 * ("Sam" read as samedi). Lower case; unaccented spellings too, capitals often drop accents.
 */
type CueKind = 'always' | 'englishMonth' | 'abbreviation';

const ALWAYS = new Set(
  `janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre decembre
   lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday friday saturday sunday
   hier aujourd'hui demain avant-hier après-demain apres-demain yesterday today tomorrow tonight`.split(/\s+/),
);
// English months are capitalised; lower-case "may" and "march" are a verb and a walk.
const ENGLISH_MONTHS = new Set('january february march april may june july august september october november december'.split(' '));
// AP style abbreviates months ("Jan. 5", "Sept. 30"): only with a full stop or a number next to them.
const ABBREVIATIONS = new Set('jan feb mar apr jun jul aug sep sept oct nov dec janv févr fevr avr juil déc'.split(' '));
const KINDS = new Map<string, CueKind>([
  ...[...ABBREVIATIONS].map((w): [string, CueKind] => [w, 'abbreviation']),
  ...[...ENGLISH_MONTHS].map((w): [string, CueKind] => [w, 'englishMonth']),
  ...[...ALWAYS].map((w): [string, CueKind] => [w, 'always']),
]);
const NUMERIC = /\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{2}-\d{2}/g;

export interface Span {
  start: number;
  end: number;
}

const isCapitalised = (token: Token): boolean => token.text[0] !== token.lower[0];

function isCue(token: Token, text: string): boolean {
  const kind = KINDS.get(token.lower);
  if (kind === undefined) return false;
  if (kind === 'always') return true;
  if (kind === 'englishMonth') return isCapitalised(token);
  if (!isCapitalised(token)) return false;
  const next = text.slice(token.start + token.text.length, token.start + token.text.length + 2);
  return /^\.|^ ?\d/.test(next);
}

/** Offsets of the date cues in `text`, in order, at most `limit`. */
export function findCues(text: string, tokens: readonly Token[], limit: number): Span[] {
  const spans: Span[] = [];
  for (const token of tokens) {
    if (isCue(token, text)) spans.push({ start: token.start, end: token.start + token.text.length });
  }
  for (const m of text.matchAll(NUMERIC)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans.sort((a, b) => a.start - b.start).slice(0, limit);
}
