import { ISO_CODES, PREFIX_CURRENCIES, SUBUNITS, SUFFIX_CURRENCIES } from './currencies.js';
import { NUMBER_WORDS, parseNumber, SCALE_WORDS, scaleOf } from './numbers.js';

export interface Amount {
  value: number;
  currency: string;
  text: string;
  start: number;
  end: number;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byLengthDesc = (a: string, b: string): number => b.length - a.length;
const alternation = (words: string[]): string => [...words].sort(byLengthDesc).map(escape).join('|');

// Digits with optional thousands groups (comma, dot, space, no-break spaces) and decimals.
const NUMBER = String.raw`(?<![\d.,])(?:\d{1,3}(?:[,.\u00A0\u202F ]\d{3})+|\d+)(?:[.,]\d+)?`;
const SPACE = String.raw`[\s\u00A0\u202F]?`;
const SCALE = `(?:${alternation(SCALE_WORDS)})(?![\\p{L}])`;
const PREFIX = `(?:${alternation([...Object.keys(PREFIX_CURRENCIES), ...ISO_CODES])})`;
const SUFFIX_WORDS = [...SUFFIX_CURRENCIES.map(([w]) => w), ...ISO_CODES, ...Object.keys(SUBUNITS)];
const SUFFIX = `(?:${alternation(SUFFIX_WORDS).replace(/'/g, "['’]")})(?![\\p{L}])`;
const LINK = String.raw`(?:\s(?:de|d['’]|of)\s?|\s)?`;

const PREFIXED = `(?<pcur>${PREFIX})${SPACE}(?<pnum>${NUMBER})(?:${SPACE}(?<pscale>${SCALE}))?`;
const SUFFIXED = `(?<snum>${NUMBER})(?:${SPACE}(?<sscale>${SCALE}))?${LINK}(?<scur>${SUFFIX})`;
// Written-out numbers only with a scale word: "deux milliards d'euros", not "un euro".
const WORDED = `(?<wnum>${alternation(Object.keys(NUMBER_WORDS))})\\s(?<wscale>${SCALE})${LINK}(?<wcur>${SUFFIX})`;
const AMOUNT = new RegExp(`(?<![\\p{L}])(?:${PREFIXED}|${SUFFIXED}|${WORDED})`, 'giu');
// "30 à 50 milliards de dollars": the bare first end of a range borrows the second end's scale and currency.
const RANGE_HEAD = new RegExp(`(${NUMBER})\\s?(?:à|to|-|–|et|and)\\s?$`, 'u');

const SUFFIX_TABLE = new Map<string, string>([...SUFFIX_CURRENCIES, ...ISO_CODES.map((c): [string, string] => [c.toLowerCase(), c])]);

function suffixCurrency(word: string): { currency: string; subunit: boolean } | undefined {
  const key = word.toLowerCase().replace(/’/g, "'");
  const subunit = SUBUNITS[key];
  if (subunit) return { currency: subunit, subunit: true };
  const currency = SUFFIX_TABLE.get(key);
  return currency ? { currency, subunit: false } : undefined;
}

function prefixCurrency(symbol: string): string | undefined {
  return PREFIX_CURRENCIES[symbol] ?? (ISO_CODES.includes(symbol.toUpperCase()) ? symbol.toUpperCase() : undefined);
}

interface Reading {
  number: string;
  scale?: string;
  currency: string;
  subunit: boolean;
}

function readMatch(groups: Record<string, string | undefined>): Reading | undefined {
  if (groups.pcur && groups.pnum) {
    const currency = prefixCurrency(groups.pcur);
    return currency ? { number: groups.pnum, scale: groups.pscale, currency, subunit: false } : undefined;
  }
  const currencyWord = groups.scur ?? groups.wcur;
  const number = groups.snum ?? groups.wnum;
  const found = currencyWord ? suffixCurrency(currencyWord) : undefined;
  if (!found || !number) return undefined;
  return { number, scale: groups.sscale ?? groups.wscale, ...found };
}

/** "5 won" or "3 p" alone is too often a verb or a page number; demand a scale for them. */
function isPlausible(reading: Reading, currencyWord: string | undefined): boolean {
  const word = currencyWord?.toLowerCase();
  if (word === 'won' || word === 'p' || word === 'fr') return reading.scale !== undefined || parseNumber(reading.number) >= 1000;
  return true;
}

function toValue(reading: Reading, language: string | undefined, number = reading.number): number {
  const value = parseNumber(number) * scaleOf(reading.scale, language);
  // Round away float noise (1.4 * 1e10, 35.5 / 100) without losing fractions of a cent.
  return Number((reading.subunit ? value / 100 : value).toPrecision(12));
}

/** Only a scaled, suffixed amount ("50 milliards de dollars") lends itself; "$1.90 and $2 million" has its own. */
function rangeHead(text: string, match: RegExpMatchArray, reading: Reading, after: number, language?: string): Amount | undefined {
  if (!reading.scale || !match.groups?.snum || match.index === undefined) return undefined;
  const before = text.slice(Math.max(after, match.index - 30), match.index);
  const head = RANGE_HEAD.exec(before);
  if (!head) return undefined;
  const start = match.index - before.length + head.index;
  if (/[$€£¥]$/u.test(text.slice(0, start))) return undefined;
  return { value: toValue(reading, language, head[1]), currency: reading.currency, text: head[1], start, end: start + head[1].length };
}

/** Money mentions in French or English copy, with offsets into `text`. */
export function extractAmounts(text: string, language?: string): Amount[] {
  const amounts: Amount[] = [];
  // exec on the one regex: matchAll clones it on every call, which for a pattern this large cost 40 % of the extraction.
  AMOUNT.lastIndex = 0;
  for (let match = AMOUNT.exec(text); match; match = AMOUNT.exec(text)) {
    const groups = match.groups ?? {};
    const reading = readMatch(groups);
    if (!reading || !isPlausible(reading, groups.scur ?? groups.wcur ?? groups.pcur)) continue;
    const head = rangeHead(text, match, reading, amounts.at(-1)?.end ?? 0, language);
    if (head) amounts.push(head);
    const start = match.index;
    amounts.push({ value: toValue(reading, language), currency: reading.currency, text: match[0], start, end: start + match[0].length });
  }
  return amounts;
}
