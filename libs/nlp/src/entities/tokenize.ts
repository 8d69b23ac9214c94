import type { Token } from './types.js';

// Acronyms with dots (U.S., U.N.), then words with inner hyphens, apostrophes and ampersands.
const WORD = /\p{Lu}(?:\.\p{Lu})+\.?|[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[-'’&][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;
// French elisions are not part of the name that follows: d'OpenAI, l'Organisation, qu'Altman.
const ELISION = /^(?:[lLdDjJnNsScCmMtT]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu)['’](?=\p{L})/u;
const POSSESSIVE = /['’]s$/u;
// "Seoul-based", "Qatar-owned": the name is the part before the suffix.
const NAME_SUFFIX = /-(?:based|born|owned|led|backed|listed|made|bound|registered|funded|run|headquartered)$/u;
// What may precede the first word of a sentence: closing punctuation, quotes, dashes, a new line.
const SENTENCE_BREAKS = new Set([...'.!?…:;«»"“”([•–—-\n']);
const ARABIC_ARTICLE = /^(?:al|el|ad|as|ash|an|ar|at|az)-\p{Lu}/u;

const isUpperChar = (c: string): boolean => c !== c.toLowerCase() && c === c.toUpperCase();

/** Nothing but blanks since the start of the text or a sentence break. */
function startsSentence(source: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (source[i] === ' ' || source[i] === '\u00a0' || source[i] === '\t')) i--;
  return i < 0 || SENTENCE_BREAKS.has(source[i]!);
}

function makeToken(text: string, start: number, source: string): Token {
  const lower = text.toLowerCase();
  // Arabic article prefixes keep a name capitalised: "Suleiman al-Amr", "el-Sissi".
  const capital = isUpperChar(text[0]!) || (text[2] === '-' || text[3] === '-' ? ARABIC_ARTICLE.test(text) : false);
  // An elided article ("L'" of "L'Iran") is capitalised only because it starts the sentence.
  const last = text[text.length - 1];
  const cap = capital && last !== "'" && last !== '’';
  const upper = cap && text.length > 1 && lower !== text && text.toUpperCase() === text && isUpperChar(text[1]!);
  return { text, lower, start, end: start + text.length, cap, upper, initial: startsSentence(source, start) };
}

/** Splits a raw word into an elided article (own token) and the word, dropping a possessive. */
function splitWord(out: Token[], raw: string, start: number, source: string, keepWhole: (w: string) => boolean): void {
  let word = raw;
  let offset = start;
  const quoted = word.includes("'") || word.includes('’');
  const elision = quoted ? ELISION.exec(word) : null;
  if (elision && !keepWhole(word)) {
    out.push(makeToken(elision[0], offset, source));
    offset += elision[0].length;
    word = word.slice(elision[0].length);
  }
  if (word.length > 6 && word.includes('-')) word = word.replace(NAME_SUFFIX, '');
  // "McDonald's" is a name; "Altman's" is Altman.
  if (quoted && word.length > 3 && POSSESSIVE.test(word) && !keepWhole(word)) word = word.slice(0, -2);
  out.push(makeToken(word, offset, source));
}

/** Tokens with offsets into `source`; `keepWhole` protects known names such as "L'Oréal". */
export function tokenize(source: string, keepWhole: (word: string) => boolean): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(source); match; match = WORD.exec(source)) splitWord(tokens, match[0], match.index, source, keepWhole);
  return tokens;
}

/** Only blanks between two tokens: they may belong to one name. */
export function adjacent(source: string, a: Token, b: Token): boolean {
  if (b.start === a.end) return true;
  const gap = source.slice(a.end, b.start);
  // An initial with its dot stays inside the name: "George H. W. Bush".
  if (/^\p{Lu}$/u.test(a.text)) return /^\.?[ \u00a0]?$/u.test(gap);
  return /^[ \u00a0\u202f]$/.test(gap);
}
