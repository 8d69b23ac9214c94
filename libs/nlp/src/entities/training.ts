import { analyse } from './analysis.js';
import { documentFeatures, withDocumentFeatures } from './document-features.js';
import { joinFeatures } from './features.js';
import type { BioDocument, BioSpan } from './bio.js';
import type { Lexicon } from './lexicon.js';
import type { TrainingSequence } from './perceptron.js';
import { emissions, labelSpans, spanLabels, viterbi, type SequenceModel } from './sequence-model.js';
import { spanScore } from './tagger.js';
import type { Token } from './types.js';

// Turns annotated documents into training sequences over the tagger's own tokens, so the
// model learns on exactly what it will see at run time (same tokenizer, same features).

export { parseBio, type BioDocument, type BioSpan } from './bio.js';
export { fitCalibration, readModel, writeModel, type Calibration, type ModelHeader } from './model-file.js';
export { quantise, seededRandom, trainPerceptron, type TrainingSequence } from './perceptron.js';
export { FEATURE_BITS } from './features.js';
export { LABELS } from './sequence-model.js';
export { loadLexicon } from './lexicon.js';

/** BILOU label of each token from character spans: a token belongs to the span holding its start. */
export function projectLabels(tokens: readonly Token[], spans: readonly BioSpan[]): Uint8Array {
  const spanOf = new Int32Array(tokens.length).fill(-1);
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (s < spans.length && spans[s]!.end <= t.start) s++;
    const span = spans[s];
    if (span && span.start <= t.start) spanOf[i] = s;
  }
  return spanLabels(spanOf, (k) => spans[k]!.type);
}

/** A training document as the tagger sees it: tokens, local features, gold labels, sentence bounds. */
export interface AnalysedDocument {
  tokens: Token[];
  features: Uint32Array[];
  labels: Uint8Array;
  /** Token ranges [from, to) of the sentences. */
  sentences: [number, number][];
}

/** Features computed on the whole text; `keepListMatch`: gazetteer dropout (training only). */
export function analyseDocument(lexicon: Lexicon, doc: BioDocument, language: string, keepListMatch?: () => boolean): AnalysedDocument {
  const { ctx, features } = analyse(lexicon, doc.text, language, keepListMatch);
  const sentences: [number, number][] = [];
  let i = 0;
  for (const sentence of doc.sentences) {
    const from = i;
    while (i < ctx.tokens.length && ctx.tokens[i]!.start < sentence.end) i++;
    if (i > from) sentences.push([from, i]);
  }
  return { tokens: ctx.tokens, features: features.map(joinFeatures), labels: projectLabels(ctx.tokens, doc.spans), sentences };
}

/** One training sequence per sentence, over the given features of the document's tokens. */
export function sentenceSequences(doc: AnalysedDocument, features: readonly Uint32Array[] = doc.features): TrainingSequence[] {
  return doc.sentences.map(([from, to]) => ({ features: features.slice(from, to), labels: doc.labels.slice(from, to) }));
}

/**
 * The second stage's input, per sentence: each token's local features and its document features
 * (what the first stage says of the same word elsewhere in the story).
 */
export function secondStageSequences(firstStage: SequenceModel, doc: AnalysedDocument): TrainingSequence[] {
  const labels = viterbi(firstStage, emissions(firstStage, doc.features), doc.tokens.length).labels;
  return sentenceSequences(doc, withDocumentFeatures(doc.features, documentFeatures(doc.tokens, labels)));
}

/** One sequence per sentence of the document (first stage), features computed on the whole text. */
export function toSequences(lexicon: Lexicon, doc: BioDocument, language: string, keepListMatch?: () => boolean): TrainingSequence[] {
  return sentenceSequences(analyseDocument(lexicon, doc, language, keepListMatch));
}

/** Drops features seen fewer than `minCount` times: they fit the training text, not the language. */
export function pruneRare(data: readonly TrainingSequence[], minCount: number): TrainingSequence[] {
  const counts = new Map<number, number>();
  for (const seq of data) for (const token of seq.features) for (const id of token) counts.set(id, (counts.get(id) ?? 0) + 1);
  const keep = (id: number): boolean => (counts.get(id) ?? 0) >= minCount;
  return data.map((seq) => ({ labels: seq.labels, features: seq.features.map((token) => token.filter(keep)) }));
}

/** Predicted spans of held-out sequences with their raw score and whether gold has them exactly. */
export function calibrationSamples(model: SequenceModel, data: readonly TrainingSequence[]): { score: number; correct: boolean }[] {
  const samples: { score: number; correct: boolean }[] = [];
  for (const seq of data) {
    const decoded = viterbi(model, emissions(model, seq.features), seq.labels.length);
    const gold = new Set(labelSpans(seq.labels).map((s) => `${s.from}:${s.to}:${s.type}`));
    for (const span of labelSpans(decoded.labels)) {
      if (span.type === 'MISC') continue;
      samples.push({ score: spanScore(decoded.margins, span.from, span.to), correct: gold.has(`${span.from}:${span.to}:${span.type}`) });
    }
  }
  return samples;
}

/** A gold record of `gold/dev.jsonl`: the text and its typed entity spans. */
export interface GoldRecord {
  id: string;
  text: string;
  entities: readonly { start: number; end: number; type: string }[];
}

/** A gold record as a training document: one sentence per line, its PER/ORG/LOC spans. */
export function goldDocument(record: GoldRecord): BioDocument {
  const sentences: BioDocument['sentences'] = [];
  let start = 0;
  for (const line of record.text.split('\n')) {
    if (line.trim()) sentences.push({ start, end: start + line.length, tokens: [] });
    start += line.length + 1;
  }
  const spans = record.entities
    .filter((e) => e.type === 'PER' || e.type === 'ORG' || e.type === 'LOC')
    .map((e) => ({ start: e.start, end: e.end, type: e.type }))
    .sort((a, b) => a.start - b.start);
  return { id: record.id, text: record.text, sentences, spans };
}
