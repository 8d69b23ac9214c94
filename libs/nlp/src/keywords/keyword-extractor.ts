import { tokenize, type Token } from '../text-facts/tokenize.js';
import { stopwordsFor } from './stopwords.js';

export interface Keyword {
  value: string;
  score: number;
}

export interface KeywordOptions {
  language?: string;
  /** Words in the headline weigh more: it is the editor's own summary. */
  headline?: string;
  max?: number;
  /** tokenize(text), when the caller already has it. */
  tokens?: readonly Token[];
}

const DEFAULT_MAX = 10;
const HEADLINE_WEIGHT = 3;
const LEAD_CHARS = 400;
const LEAD_WEIGHT = 1.5;

interface Candidate {
  weight: number;
  /** First spelling met; replaced by the lower-case one as soon as that appears (not a name). */
  display: string;
}

const MAX_WORD_LENGTH = 40;

function isCandidate(token: Token, stopwords: Set<string>): boolean {
  const word = token.text;
  const first = token.lower.charCodeAt(0);
  if (first >= 48 && first <= 57) return false;
  // Short words are only kept as acronyms ("IA", "UE", "EU").
  if (word.length < 3 && !/^\p{Lu}{2}$/u.test(word)) return false;
  // No word of any language is this long: it is a run-together string (a URL, garbage), not a keyword.
  if (word.length > MAX_WORD_LENGTH) return false;
  return !stopwords.has(token.lower);
}

/** A word always written capitalised is a name and stays so; otherwise it is shown in lower case. */
function addOccurrence(bag: Map<string, Candidate>, token: Token, weight: number): void {
  const candidate = bag.get(token.lower);
  if (!candidate) {
    bag.set(token.lower, { weight, display: token.text });
    return;
  }
  candidate.weight += weight;
  if (token.text === token.lower) candidate.display = token.lower;
}

/**
 * TF-IDF-like ranking without a background corpus: stopword lists stand in for the
 * low-IDF words, a log dampens term frequency, and position (headline, lead) boosts.
 */
export function extractKeywords(text: string, options: KeywordOptions = {}): Keyword[] {
  const stopwords = stopwordsFor(options.language);
  const bag = new Map<string, Candidate>();
  for (const token of tokenize(options.headline ?? '')) {
    if (isCandidate(token, stopwords)) addOccurrence(bag, token, HEADLINE_WEIGHT);
  }
  for (const token of options.tokens ?? tokenize(text)) {
    if (isCandidate(token, stopwords)) addOccurrence(bag, token, token.start < LEAD_CHARS ? LEAD_WEIGHT : 1);
  }
  const ranked = [...bag.entries()]
    .map(([key, c]) => ({ value: c.display, raw: (1 + Math.log(c.weight)) * Math.log2(2 + key.length) }))
    .sort((a, b) => b.raw - a.raw || a.value.localeCompare(b.value))
    .slice(0, options.max ?? DEFAULT_MAX);
  const top = ranked[0]?.raw ?? 1;
  return ranked.map((k) => ({ value: k.value, score: Math.round((k.raw / top) * 1000) / 1000 }));
}
