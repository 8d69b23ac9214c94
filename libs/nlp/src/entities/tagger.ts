import { readFileSync } from 'node:fs';
import type { EntityTag } from '#contracts';
import { analyse, type AnalysedText } from './analysis.js';
import type { TagContext } from './context.js';
import { CONNECTORS, FUNCTION_WORDS, NEVER_NAMES } from './cues.js';
import { lexiconEntryAt } from './features.js';
import { groupMentions } from './group.js';
import { loadLexicon, locate, type Lexicon } from './lexicon.js';
import { linkMentions } from './link.js';
import { makeMention } from './mention.js';
import { calibrated, readModel, type LoadedModel } from './model-file.js';
import { createPhraseMatcher, type PhraseMatcher } from './phrases.js';
import { documentFeatures } from './document-features.js';
import { labelSpans, viterbi, type Decoded } from './sequence-model.js';
import { firstStageEmissions, localScores, secondStageEmissions } from './two-stage-model.js';
import type { EntityType, Mention } from './types.js';
import { NOT_A_NAME } from './words.js';

export interface EntityTaggerOptions {
  /** Tagger name and version, e.g. 'nlp@1.0.0': goes into provenance.by. */
  taggerId: string;
  /** Another lexicon file (tests); defaults to libs/nlp/data/entities.json. */
  lexiconPath?: string;
  /** Another weights file (evaluation folds); defaults to libs/nlp/data/ner-model.bin.gz. */
  modelPath?: string;
  /** Entities whose calibrated confidence is below this are not emitted (0 keeps all). */
  minConfidence?: number;
}

export interface EntityTagger {
  /** Version of the weights (a content hash), recorded with the tagger id. */
  readonly modelVersion: string;
  /** Named entities of `text`; `language` is 'fr', 'en' or anything else (best effort). */
  tag(text: string, language: string): EntityTag[];
}

const MODEL_TYPES: Readonly<Record<string, EntityType>> = { PER: 'person', ORG: 'organisation', LOC: 'place' };
/** Lexicon names spelled with lower-case words are exact matches: as sure as the model's best. */
const PHRASE_CONFIDENCE = 0.95;

/** The span's weakest token margin, squashed: the raw score the calibration was fitted on. */
export function spanScore(margins: Float64Array, from: number, to: number): number {
  let weakest = Infinity;
  for (let i = from; i < to; i++) weakest = Math.min(weakest, margins[i]!);
  return Math.log1p(Math.max(0, weakest));
}

// Abbreviations whose dot stays inside a name: "St. Louis", "William T. Sherman".
const DOTTED = /^(?:\p{Lu}|st|mt|dr|jr|sr|mr|mrs|ms|gen|gov|sen|rep|col|lt|capt|sgt|ft)$/iu;

/** A line break or a sentence end between tokens k-1 and k. */
function breaksName(ctx: TagContext, k: number): boolean {
  const gap = ctx.source.slice(ctx.tokens[k - 1]!.end, ctx.tokens[k]!.start);
  return gap.includes('\n') || (/[.!?;:]/.test(gap) && !DOTTED.test(ctx.tokens[k - 1]!.text));
}

/** A name does not run over a line break or a sentence end: spans are cut there. */
function splitAtLines(ctx: TagContext, spans: { from: number; to: number; type: string }[]): { from: number; to: number; type: string }[] {
  const out: { from: number; to: number; type: string }[] = [];
  for (const span of spans) {
    let from = span.from;
    for (let k = span.from + 1; k < span.to; k++) {
      if (!breaksName(ctx, k)) continue;
      out.push({ from, to: k, type: span.type });
      from = k;
    }
    out.push({ from, to: span.to, type: span.type });
  }
  return out;
}

/** Particles left at the end of a span ("Observatoire des") belong to the text, not to the name. */
function trimSpan(ctx: TagContext, span: { from: number; to: number; type: string }): { from: number; to: number; type: string } | undefined {
  let from = span.from;
  // Sentence-initial "Selon", "However": capitalised only by position.
  while (from < span.to - 1 && (NEVER_NAMES.has(ctx.tokens[from]!.lower) || FUNCTION_WORDS.has(ctx.tokens[from]!.lower))) from++;
  span = { ...span, from };
  let to = span.to;
  while (to > span.from && CONNECTORS.has(ctx.tokens[to - 1]!.lower) && !ctx.tokens[to - 1]!.cap) to--;
  const first = ctx.tokens[span.from]!.text;
  // Centuries, model codes, plural acronyms ("XXe", "A380", "MPs") do not start a name; initials do.
  if (to === span.from || (first.length > 1 && NOT_A_NAME.test(first))) return undefined;
  return { ...span, to };
}

/**
 * The surname of a person found in full elsewhere in the text ("Selon Dubreuil"), where the
 * model saw none: one name is tagged the same way all through a story.
 */
function surnameMentions(ctx: TagContext, found: readonly Mention[]): Mention[] {
  const surnames = new Map<string, Mention>();
  for (const m of found) if (m.type === 'person' && m.to - m.from > 1) surnames.set(ctx.tokens[m.to - 1]!.text, m);
  if (!surnames.size) return [];
  const covered = new Set<number>();
  for (const m of found) for (let i = m.from; i < m.to; i++) covered.add(i);
  const out: Mention[] = [];
  ctx.tokens.forEach((t, i) => {
    const full = t.cap && !covered.has(i) ? surnames.get(t.text) : undefined;
    if (full) out.push(makeMention(ctx, i, i + 1, { type: 'person', confidence: full.confidence }));
  });
  return out;
}

/** First stage on local features; second stage with what the first says of the same words elsewhere in the document. */
function decode(ctx: TagContext, analysed: AnalysedText, model: LoadedModel): Decoded {
  const n = ctx.tokens.length;
  const { stages } = model;
  const local = localScores(stages, analysed.features);
  const first = viterbi(stages.first, firstStageEmissions(stages, local), n).labels;
  return viterbi(stages.second, secondStageEmissions(stages, local, documentFeatures(ctx.tokens, first)), n);
}

function modelMentions(ctx: TagContext, analysed: AnalysedText, model: LoadedModel): Mention[] {
  const decoded = decode(ctx, analysed, model);
  const out: Mention[] = [];
  const spans = splitAtLines(ctx, labelSpans(decoded.labels))
    .map((s) => trimSpan(ctx, s))
    .filter((s) => s !== undefined);
  for (const span of spans) {
    const known = lexiconEntryAt(ctx, span.from, span.to);
    // Corpora differ on brands (WiNER calls Twitter a product): a MISC span the lexicon knows takes its type.
    const type = MODEL_TYPES[span.type] ?? known?.type;
    if (!type) continue; // other MISC: events, works, products are not tagged
    const confidence = calibrated(model.header.calibration, spanScore(decoded.margins, span.from, span.to));
    out.push(makeMention(ctx, span.from, span.to, { type, confidence: Math.round(confidence * 1000) / 1000 }, known?.type === type ? known : undefined));
  }
  return [...out, ...surnameMentions(ctx, out)].sort((a, b) => a.start - b.start);
}

/** Lexicon phrases with lower-case words ("Organisation du traité …") win over what they overlap. */
function withPhrases(phrases: readonly Mention[], mentions: readonly Mention[]): Mention[] {
  const overlaps = (m: Mention): boolean => phrases.some((p) => p.start < m.end && m.start < p.end);
  return [...phrases, ...mentions.filter((m) => !overlaps(m))].sort((a, b) => a.start - b.start);
}

export function loadModel(path?: string): LoadedModel {
  return readModel(readFileSync(path ?? locate('ner-model.bin.gz')));
}

function tagWith(lexicon: Lexicon, model: LoadedModel, phrases: PhraseMatcher, opts: EntityTaggerOptions, text: string, language: string): EntityTag[] {
  const analysed = analyse(lexicon, text, language);
  const { ctx } = analysed;
  const fixed = phrases.find(ctx.source, ctx.tokens).map((m) => ({ ...m, confidence: PHRASE_CONFIDENCE }));
  const mentions = linkMentions(withPhrases(fixed, modelMentions(ctx, analysed, model)));
  const min = opts.minConfidence ?? 0;
  return groupMentions(mentions, opts.taggerId).filter((tag) => (tag.provenance.confidence ?? 0) >= min);
}

/** Loads the lexicon and the weights once (a few hundred ms); tagging is then pure and synchronous. */
export function createEntityTagger(opts: EntityTaggerOptions): EntityTagger {
  const lexicon = loadLexicon(opts.lexiconPath);
  const model = loadModel(opts.modelPath);
  const phrases = createPhraseMatcher(lexicon);
  return {
    modelVersion: model.header.version,
    tag: (text, language) => tagWith(lexicon, model, phrases, opts, text, language),
  };
}
