import { analyse } from './analysis.js';
import type { BioDocument, BioSpan } from './bio.js';
import type { Lexicon } from './lexicon.js';
import type { TrainingSequence } from './perceptron.js';
import { emissions, labelSpans, LABELS, viterbi, type SequenceModel } from './sequence-model.js';
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

const labelIndex = new Map<string, number>(LABELS.map((l, i) => [l, i]));

/** BIO label of each token from character spans: a token belongs to the span holding its start. */
export function projectLabels(tokens: readonly Token[], spans: readonly BioSpan[]): Uint8Array {
  const labels = new Uint8Array(tokens.length);
  let s = 0;
  let lastSpan = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (s < spans.length && spans[s]!.end <= t.start) s++;
    const span = spans[s];
    if (!span || span.start > t.start) continue;
    labels[i] = labelIndex.get(`${lastSpan === s ? 'I' : 'B'}-${span.type}`) ?? 0;
    lastSpan = s;
  }
  return labels;
}

/** One sequence per sentence of the document, features computed on the whole text. */
export function toSequences(lexicon: Lexicon, doc: BioDocument, language: string): TrainingSequence[] {
  const { ctx, features } = analyse(lexicon, doc.text, language);
  const labels = projectLabels(ctx.tokens, doc.spans);
  const out: TrainingSequence[] = [];
  let i = 0;
  for (const sentence of doc.sentences) {
    const from = i;
    while (i < ctx.tokens.length && ctx.tokens[i]!.start < sentence.end) i++;
    if (i > from) out.push({ features: features.slice(from, i), labels: labels.slice(from, i) });
  }
  return out;
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
