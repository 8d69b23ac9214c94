import { gunzipSync, gzipSync } from 'node:zlib';
import { LABELS, type SequenceModel } from './sequence-model.js';
import { twoStageModel, type TwoStageModel } from './two-stage-model.js';

// The shipped weights file: "NER2", a uint32 header length, a JSON header, then the int8
// weights of the first stage and of the second; gzip-compressed (most buckets are zero).
// Written by libs/nlp/scripts/train-ner.mjs.

const MAGIC = 'NER2';

/** Maps a span's raw score (its weakest token margin) to a probability of being right. */
export interface Calibration {
  a: number;
  b: number;
}

/** One stage's weight scale and label transitions (its weights follow the header in order). */
export interface StageHeader {
  scale: number;
  transitions: number[];
}

export interface ModelHeader {
  /** Short content hash of the weights, recorded as the tagger version. */
  version: string;
  labels: readonly string[];
  featureBits: number;
  /** First stage (local features), then second stage (local and document features). */
  stages: [StageHeader, StageHeader];
  /** Calibration of the second stage's span scores. */
  calibration: Calibration;
  /** What the model was trained on, for the record. */
  training: Record<string, unknown>;
}

export interface LoadedModel {
  header: ModelHeader;
  stages: TwoStageModel;
}

export function writeModel(header: ModelHeader, weights: [Int8Array, Int8Array]): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const tables = weights.map((w) => Buffer.from(w.buffer, w.byteOffset, w.byteLength));
  const body = Buffer.concat([Buffer.from(MAGIC, 'ascii'), length, json, ...tables]);
  // Fixed level and no timestamp in the gzip header: the same weights give the same bytes.
  return gzipSync(body, { level: 9 });
}

export function readModel(file: Buffer): LoadedModel {
  const body = gunzipSync(file);
  if (body.subarray(0, 4).toString('ascii') !== MAGIC) throw new Error('not an entity model file (bad magic)');
  const length = body.readUInt32LE(4);
  const header = JSON.parse(body.subarray(8, 8 + length).toString('utf8')) as ModelHeader;
  if (header.labels.join() !== LABELS.join()) throw new Error(`entity model labels ${header.labels.join()} differ from the tagger's`);
  const raw = body.subarray(8 + length);
  const size = raw.byteLength / 2;
  const stage = (k: 0 | 1): SequenceModel => ({
    weights: new Int8Array(raw.buffer, raw.byteOffset + k * size, size),
    scale: header.stages[k].scale,
    transitions: header.stages[k].transitions,
  });
  return { header, stages: twoStageModel(stage(0), stage(1)) };
}

/** Logistic calibration: 1 / (1 + e^-(a·score + b)). */
export const calibrated = (c: Calibration, score: number): number => 1 / (1 + Math.exp(-(c.a * score + c.b)));

/** Fits a and b by gradient descent on (score, correct) pairs from a held-out fold; deterministic. */
export function fitCalibration(samples: readonly { score: number; correct: boolean }[], iterations = 2000): Calibration {
  let a = 1;
  let b = 0;
  if (!samples.length) return { a, b };
  const rate = 0.5;
  for (let k = 0; k < iterations; k++) {
    let ga = 0;
    let gb = 0;
    for (const s of samples) {
      const err = calibrated({ a, b }, s.score) - (s.correct ? 1 : 0);
      ga += err * s.score;
      gb += err;
    }
    a -= (rate * ga) / samples.length;
    b -= (rate * gb) / samples.length;
  }
  return { a: Math.round(a * 1e6) / 1e6, b: Math.round(b * 1e6) / 1e6 };
}
