import { stopwordsFor } from '../keywords/stopwords.js';
import { tokenize } from '../text-facts/tokenize.js';
import { SHARED_CUES, TOPIC_LEXICON } from './lexicon.js';
import type { Vocabulary } from './vocabulary.js';

/** Top-level code -> weight. */
export type Weights = Map<string, number>;

export interface Phrase {
  key: string;
  rest: string[];
  weights: Weights;
}

export interface TermIndex {
  words: Map<string, Weights>;
  prefixes: Map<string, Weights>;
  phrases: Map<string, Phrase[]>;
  /** Per top level: a correction for how many terms it has (big branches would win by size alone). */
  priors: Map<string, number>;
}

export type IndexLanguage = 'fr' | 'en';

const LEXICON_WEIGHT = 1;
// Vocabulary labels are many and some are generic ("process", "general"): they count for less.
const VOCABULARY_WEIGHT = 0.5;
const MIN_PREFIX = 3;

/** A lower-case word with a plural s/x dropped, so "marchés" and "marché" meet. */
export function normalise(lower: string): string {
  const last = lower.charCodeAt(lower.length - 1);
  return lower.length > 3 && (last === 115 || last === 120) ? lower.slice(0, -1) : lower;
}

function addWeight(target: Map<string, Weights>, key: string, top: string, weight: number): void {
  const weights = target.get(key) ?? new Map<string, number>();
  weights.set(top, (weights.get(top) ?? 0) + weight);
  target.set(key, weights);
}

function addPhrase(index: TermIndex, words: string[], top: string, weight: number): void {
  const [first, ...rest] = words;
  const key = words.join(' ');
  const list = index.phrases.get(first) ?? [];
  const existing = list.find((p) => p.key === key);
  const phrase = existing ?? { key, rest, weights: new Map<string, number>() };
  phrase.weights.set(top, (phrase.weights.get(top) ?? 0) + weight);
  if (!existing) list.push(phrase);
  index.phrases.set(first, list);
}

function addTerm(index: TermIndex, term: string, top: string, weight: number, stopwords: Set<string>): void {
  if (term.endsWith('*') && term.length > MIN_PREFIX) {
    addWeight(index.prefixes, term.slice(0, -1).toLowerCase(), top, weight);
    return;
  }
  const words = tokenize(term.replace(/_/g, ' ')).map((t) => normalise(t.lower));
  // A lone function word ("de", "the") would fire on every article.
  if (words.length === 1 && !stopwords.has(term.toLowerCase())) addWeight(index.words, words[0], top, weight);
  else if (words.length > 1) addPhrase(index, words, top, weight);
}

/** "bonds (finance)", "arts, culture and media" -> "bonds", "arts", "culture", "media". */
function labelTerms(label: string, language: IndexLanguage, stopwords: Set<string>): string[] {
  return label
    .replace(/\([^)]*\)/g, ' ')
    .split(language === 'fr' ? /,|;|\set\s|\sou\s/i : /,|;|\sand\s|\sor\s|&/i)
    .map((piece) => piece.trim().replace(/\s+/g, '_'))
    .filter((piece) => piece.length >= 3 && !stopwords.has(piece.toLowerCase()));
}

function addVocabulary(index: TermIndex, vocabulary: Vocabulary, language: IndexLanguage): void {
  const stopwords = stopwordsFor(language);
  for (const concept of vocabulary.concepts) {
    const label = language === 'fr' ? concept.fr : concept.en;
    for (const term of label ? labelTerms(label, language, stopwords) : []) addTerm(index, term, concept.top, VOCABULARY_WEIGHT, stopwords);
  }
}

/** A word shared by several topics is weaker evidence for each of them. */
function shareAmbiguous(map: Map<string, Weights>): void {
  for (const weights of map.values()) {
    if (weights.size < 2) continue;
    for (const [top, w] of weights) weights.set(top, w / weights.size);
  }
}

export function buildTermIndex(vocabulary: Vocabulary, language: IndexLanguage): TermIndex {
  const index: TermIndex = { words: new Map(), prefixes: new Map(), phrases: new Map(), priors: new Map() };
  const stopwords = stopwordsFor(language);
  for (const [top, lexicon] of Object.entries(TOPIC_LEXICON)) {
    for (const term of lexicon[language].split(/\s+/).filter(Boolean)) addTerm(index, term, top, LEXICON_WEIGHT, stopwords);
  }
  // Shared cues go to each of their topics; shareAmbiguous below then splits their weight evenly.
  for (const shared of SHARED_CUES) {
    for (const term of shared[language].split(/\s+/).filter(Boolean)) for (const top of shared.tops) addTerm(index, term, top, LEXICON_WEIGHT, stopwords);
  }
  addVocabulary(index, vocabulary, language);
  shareAmbiguous(index.words);
  shareAmbiguous(index.prefixes);
  setPriors(index);
  return index;
}

// Half-way between none (0) and full (1): full correction let tiny lexicons win on one word.
const SIZE_CORRECTION = 0.3;

function setPriors(index: TermIndex): void {
  const mass = new Map<string, number>();
  const add = (weights: Weights): void => {
    for (const [top, w] of weights) mass.set(top, (mass.get(top) ?? 0) + w);
  };
  for (const weights of index.words.values()) add(weights);
  for (const weights of index.prefixes.values()) add(weights);
  for (const phrases of index.phrases.values()) for (const p of phrases) add(p.weights);
  const sizes = [...mass.values()].sort((a, b) => a - b);
  const median = sizes[sizes.length >> 1] ?? 1;
  for (const [top, m] of mass) index.priors.set(top, (median / m) ** SIZE_CORRECTION);
}

export type Hit = [termKey: string, weights: Weights];

/** Single-word terms (exact or prefix) matching one lower-case token. */
export function matchWord(index: TermIndex, lower: string): Hit[] {
  const hits: Hit[] = [];
  const normal = normalise(lower);
  const word = index.words.get(normal);
  if (word) hits.push([normal, word]);
  for (let len = MIN_PREFIX; len <= lower.length; len++) {
    const key = lower.slice(0, len);
    const prefix = index.prefixes.get(key);
    if (prefix) hits.push([`${key}*`, prefix]);
  }
  return hits;
}

/** Multi-word terms starting at token `i` of the normalised token list. */
export function matchPhrases(index: TermIndex, normal: readonly string[], i: number): Hit[] {
  const candidates = index.phrases.get(normal[i]);
  if (!candidates) return [];
  return candidates.filter((p) => p.rest.every((w, k) => normal[i + 1 + k] === w)).map((p): Hit => [p.key, p.weights]);
}
