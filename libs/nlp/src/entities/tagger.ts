import { readFileSync } from 'node:fs';
import type { EntityTag } from '#contracts';
import { analyse, type AnalysedText } from './analysis.js';
import type { TagContext } from './context.js';
import { lexiconEntryAt } from './features.js';
import { groupMentions } from './group.js';
import { loadLexicon, locate, type Lexicon } from './lexicon.js';
import { linkMentions } from './link.js';
import { makeMention } from './mention.js';
import { calibrated, readModel, type LoadedModel } from './model-file.js';
import { createPhraseMatcher, type PhraseMatcher } from './phrases.js';
import { emissions, labelSpans, viterbi } from './sequence-model.js';
import type { EntityType, Mention } from './types.js';

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

function modelMentions(ctx: TagContext, analysed: AnalysedText, model: LoadedModel): Mention[] {
  const n = ctx.tokens.length;
  const decoded = viterbi(model, emissions(model, analysed.features), n);
  const out: Mention[] = [];
  for (const span of labelSpans(decoded.labels)) {
    const type = MODEL_TYPES[span.type];
    if (!type) continue; // MISC: events, works, products are not tagged
    const confidence = calibrated(model.header.calibration, spanScore(decoded.margins, span.from, span.to));
    const known = lexiconEntryAt(ctx, span.from, span.to);
    const entity = known?.type === type ? known : undefined;
    out.push(makeMention(ctx, span.from, span.to, { type, confidence }, entity));
  }
  return out;
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
