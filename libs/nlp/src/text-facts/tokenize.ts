export interface Token {
  /** The word as written, minus a leading French elision and a trailing English possessive. */
  text: string;
  /** `text` lower-cased, accents kept (French "marché" is not "marche"), ’ read as '. */
  lower: string;
  /** Offset of `text` in the source string. */
  start: number;
}

// Letters (Latin, Greek, Cyrillic) and digits joined by inner hyphens or apostrophes
// ("porte-parole", "aujourd'hui", "l'IA"). Explicit ranges: \p{L} made this regex twice as slow.
const LETTER = String.raw`A-Za-z0-9\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u0370-\u03FF\u0400-\u04FF`;
const WORD = new RegExp(`[${LETTER}]+(?:[-'’][${LETTER}]+)*`, 'g');
// French elided articles and pronouns glue onto the next word: "l'économie" is about "économie".
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)'/;
const POSSESSIVE = /'s$/;

interface Views {
  text: string;
  /** Lower-cased text, same offsets; '' when lower-casing changed the length. */
  lower: string;
}

/** Lower case of the whole text at once, when that keeps offsets (it does but for a few letters like İ). */
function lowerOf(text: string): string | undefined {
  const lower = text.toLowerCase().replace(/’/g, "'");
  return lower.length === text.length ? lower : undefined;
}

const lowerSlice = (views: Views, from: number, to: number): string =>
  views.lower ? views.lower.slice(from, to) : views.text.slice(from, to).toLowerCase().replace(/’/g, "'");

function makeToken(views: Views, start: number, end: number): Token | undefined {
  let from = start;
  let to = end;
  let lower = lowerSlice(views, from, to);
  if (lower.includes("'")) {
    const elided = ELISION.exec(lower);
    if (elided) from += elided[0].length;
    if (POSSESSIVE.test(lower)) to -= 2;
    if (from >= to) return undefined;
    lower = lowerSlice(views, from, to);
  }
  return { text: views.text.slice(from, to), lower, start: from };
}

/** Splits text into word tokens with offsets; handles ' and ’ the same way. */
export function tokenize(text: string): Token[] {
  const views: Views = { text, lower: lowerOf(text) ?? '' };
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const token = makeToken(views, m.index, m.index + m[0].length);
    if (token) tokens.push(token);
  }
  return tokens;
}
