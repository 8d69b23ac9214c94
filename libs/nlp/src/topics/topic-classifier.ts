import { tokenize, type Token } from '../text-facts/tokenize.js';
import { topicOfSection } from './sections.js';
import { buildTermIndex, matchPhrases, normalise, type Hit, type IndexLanguage, type TermIndex, type Weights } from './term-index.js';
import { WordMatcher } from './word-matcher.js';
import { labelOf, loadVocabulary, topLevelOf, type Vocabulary } from './vocabulary.js';

export interface TopicInput {
  headline?: string;
  /** Standfirst or lead: weighs more than the body. */
  lead?: string;
  text: string;
  /** tokenize(text), when the caller already has it. */
  tokens?: readonly Token[];
  language?: string;
  section?: string;
  /** Codes already on the article (provider/editor): evidence for their top level. */
  knownCodes?: string[];
}

export interface TopicScore {
  code: string;
  name: string;
  /** Share of the evidence, in [0, 1]. */
  score: number;
}

export interface TopicClassifier {
  classify(input: TopicInput): TopicScore[];
}

export interface TopicWeights {
  /** Multiplies the headline's own score (the editor's summary of the story), added to the body's. */
  headline: number;
  /** Per occurrence in the standfirst or the first LEAD_CHARS of the body. */
  lead: number;
}

const DEFAULT_WEIGHTS: TopicWeights = { headline: 4, lead: 1 };
const LEAD_CHARS = 500;
/** A section or a provider code is an editor's choice: worth the best text score (at least MIN_EXTERNAL), so it leads. */
const EXTERNAL_SHARE = 1;
const MIN_EXTERNAL = 3;
const SECONDARY_RATIO = 0.4;
const MAX_TOPICS = 3;
type HitCounts = Map<string, [Weights, number]>;

function count(hits: HitCounts, [key, weights]: Hit, weight: number): void {
  const previous = hits.get(key);
  if (previous) previous[1] += weight;
  else hits.set(key, [weights, weight]);
}

/**
 * Accumulates, per matched term, the position-weighted number of hits. The longest match wins:
 * the words inside a matched phrase ("car crash", "white house", "supreme court") are not
 * counted again on their own, so one expression is one piece of evidence.
 */
function collectHits(matcher: WordMatcher, index: TermIndex, tokens: readonly Token[], weightAt: (offset: number) => number, hits: HitCounts): void {
  const normal = tokens.map((t) => normalise(t.lower));
  let coveredTo = 0;
  for (let i = 0; i < tokens.length; i++) {
    const weight = weightAt(tokens[i].start);
    for (const phrase of matchPhrases(index, normal, i)) {
      count(hits, phrase, weight);
      coveredTo = Math.max(coveredTo, i + phraseLength(phrase));
    }
    if (i >= coveredTo) for (const hit of matcher.match(tokens[i].lower)) count(hits, hit, weight);
  }
}

function phraseLength([key]: Hit): number {
  let words = 1;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) === 32) words++;
  return words;
}

/** Repeating a word is evidence, but with diminishing returns (log). */
function scoreHits(hits: HitCounts): Map<string, number> {
  const scores = new Map<string, number>();
  for (const [weights, count] of hits.values()) {
    const damped = Math.log2(1 + count);
    for (const [top, w] of weights) scores.set(top, (scores.get(top) ?? 0) + w * damped);
  }
  return scores;
}

function addExternalEvidence(scores: Map<string, number>, tops: string[]): void {
  const best = Math.max(0, ...scores.values());
  const boost = Math.max(MIN_EXTERNAL, best * EXTERNAL_SHARE);
  for (const top of new Set(tops)) scores.set(top, (scores.get(top) ?? 0) + boost);
}

/**
 * Primary first, then topics with at least SECONDARY_RATIO of the best TEXT score: a section
 * boost decides the primary but must not push the text's other subjects out.
 */
function rank(scores: Map<string, number>, textBest: number, vocabulary: Vocabulary, language: string | undefined): TopicScore[] {
  const sorted = [...scores.entries()].filter(([, s]) => s > 0).sort((a, b) => b[1] - a[1]);
  if (sorted.length === 0) return [];
  const total = sorted.reduce((sum, [, s]) => sum + s, 0);
  const threshold = (textBest || sorted[0][1]) * SECONDARY_RATIO;
  return sorted
    .filter(([, s], i) => i === 0 || s >= threshold)
    .slice(0, MAX_TOPICS)
    .map(([code, s]) => {
      const concept = vocabulary.byCode.get(code);
      return { code, name: concept ? labelOf(concept, language) : code, score: Math.round((s / total) * 1000) / 1000 };
    });
}

function externalTops(input: TopicInput, vocabulary: Vocabulary): string[] {
  const fromCodes = (input.knownCodes ?? []).map((c) => topLevelOf(c, vocabulary));
  return [topicOfSection(input.section), ...fromCodes].filter((t): t is string => t !== undefined);
}

function withMatcher(index: TermIndex): { index: TermIndex; matcher: WordMatcher } {
  return { index, matcher: new WordMatcher(index) };
}

/**
 * Lexicon classifier over the 17 IPTC top-level Media Topics: hand-written cue words plus
 * every label of the vocabulary, weighted by position, and strengthened by the provider's
 * section and subject codes.
 */
export function createTopicClassifier(vocabulary: Vocabulary = loadVocabulary(), weights: TopicWeights = DEFAULT_WEIGHTS): TopicClassifier {
  const languages: Record<IndexLanguage, { index: TermIndex; matcher: WordMatcher }> = {
    fr: withMatcher(buildTermIndex(vocabulary, 'fr')),
    en: withMatcher(buildTermIndex(vocabulary, 'en')),
  };
  return {
    classify(input: TopicInput): TopicScore[] {
      const { index, matcher } = languages[input.language === 'fr' ? 'fr' : 'en'];
      // The headline is scored on its own and added with its weight: merged into the body's
      // counts, its words would be flattened by the log damping of the body's repeats.
      const headlineHits: HitCounts = new Map();
      collectHits(matcher, index, tokenize(input.headline ?? ''), () => 1, headlineHits);
      const hits: HitCounts = new Map();
      collectHits(matcher, index, tokenize(input.lead ?? ''), () => weights.lead, hits);
      collectHits(matcher, index, input.tokens ?? tokenize(input.text), (offset) => (offset < LEAD_CHARS ? weights.lead : 1), hits);
      const scores = scoreHits(hits);
      for (const [top, s] of scoreHits(headlineHits)) scores.set(top, (scores.get(top) ?? 0) + weights.headline * s);
      for (const [top, s] of scores) scores.set(top, s * (index.priors.get(top) ?? 1));
      const textBest = Math.max(0, ...scores.values());
      addExternalEvidence(scores, externalTops(input, vocabulary));
      return rank(scores, textBest, vocabulary, input.language);
    },
  };
}
