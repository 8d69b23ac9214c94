import { LABEL_COUNT, type SequenceModel } from './sequence-model.js';

// The shipped tagger's two stages (see document-features.ts) scored as one table. Both stages
// read the same local features; only the second adds document features. So each live feature
// bucket gets one row holding the first stage's weights and then the second's: one look-up of the
// bucket serves both stages, and the row is one cache line. Tagging is bound by those random
// look-ups into a table much larger than the processor's cache, not by the additions.

const L = LABEL_COUNT;
/** Weights per row: the first stage's, then the second's. */
const ROW = 2 * L;

/** How many feature groups' sums are kept at once (a group is a word's own features, or a neighbour's). */
export const GROUP_SLOTS = 1 << 18;
/** int16 sums cannot overflow: at most this many int8 weights are added per label. */
const MAX_GROUP_SIZE = 32767 / 128;

/**
 * The summed rows of feature groups, in one table of fixed size (GROUP_SLOTS × ROW int16, 17 MB):
 * when it is full it starts over, a new generation, and each group sums its rows again on its next
 * use. Memory stays bounded however many distinct words a long-running service meets.
 */
interface GroupSums {
  table: Int16Array;
  generation: number;
  used: number;
}

export interface TwoStageModel {
  /** Feature bucket -> its row (-1: no weight in either stage). */
  rows: Int32Array;
  /** Per row, ROW int8 weights. */
  weights: Int8Array;
  scales: [number, number];
  first: Pick<SequenceModel, 'transitions'>;
  second: Pick<SequenceModel, 'transitions'>;
  sums: GroupSums;
}

/** Both stages' dense tables (same bucket count) folded into one table of the buckets that hold a weight. */
export function twoStageModel(first: SequenceModel, second: SequenceModel): TwoStageModel {
  const buckets = first.weights.length / L;
  const live = (w: ArrayLike<number>, b: number): boolean => {
    for (let l = 0; l < L; l++) if (w[b * L + l] !== 0) return true;
    return false;
  };
  const rows = new Int32Array(buckets).fill(-1);
  let count = 0;
  for (let b = 0; b < buckets; b++) if (live(first.weights, b) || live(second.weights, b)) rows[b] = count++;
  const weights = new Int8Array(count * ROW);
  for (let b = 0; b < buckets; b++) {
    const r = rows[b]!;
    if (r < 0) continue;
    for (let l = 0; l < L; l++) {
      weights[r * ROW + l] = first.weights[b * L + l]!;
      weights[r * ROW + L + l] = second.weights[b * L + l]!;
    }
  }
  return {
    rows,
    weights,
    scales: [first.scale, second.scale],
    first: { transitions: first.transitions },
    second: { transitions: second.transitions },
    sums: { table: new Int16Array(GROUP_SLOTS * ROW), generation: 0, used: 0 },
  };
}

/** Adds both stages' rows of `ids` to out[base .. base + ROW). */
function addRows(model: TwoStageModel, ids: ArrayLike<number>, out: Int32Array | Int16Array, base: number): void {
  const { rows, weights } = model;
  for (let k = 0; k < ids.length; k++) {
    const r = rows[ids[k]!]!;
    if (r < 0) continue;
    const row = r * ROW;
    for (let l = 0; l < ROW; l++) out[base + l]! += weights[row + l]!;
  }
}

/**
 * Feature ids that always come together (a word's own features, what a word says as a neighbour):
 * one object per word, shared by its occurrences, whose summed rows are kept in the model's
 * GroupSums, so a word met again costs one look-up instead of one per feature.
 */
export class FeatureGroup {
  private model?: TwoStageModel;
  private generation = -1;
  private slot = 0;

  constructor(readonly ids: readonly number[]) {
    if (ids.length > MAX_GROUP_SIZE) throw new Error(`a feature group holds at most ${Math.floor(MAX_GROUP_SIZE)} ids (got ${ids.length})`);
  }

  /** Where the group's rows, added up under `model`, start in model.sums.table. */
  offsetIn(model: TwoStageModel): number {
    const sums = model.sums;
    if (this.model === model && this.generation === sums.generation) return this.slot * ROW;
    if (sums.used === GROUP_SLOTS) {
      sums.generation++;
      sums.used = 0;
    }
    this.model = model;
    this.generation = sums.generation;
    this.slot = sums.used++;
    const base = this.slot * ROW;
    sums.table.fill(0, base, base + ROW);
    addRows(model, this.ids, sums.table, base);
    return base;
  }
}

/** A token's local features as the tagger has them: groups shared by every occurrence of a word, and the rest. */
export interface LocalFeatures {
  shared: readonly FeatureGroup[];
  context: Uint32Array;
}

/** Per token, both stages' label scores over the local features (token * ROW + stage * LABEL_COUNT + label), unscaled. */
export function localScores(model: TwoStageModel, features: readonly LocalFeatures[]): Int32Array {
  // Integers (int8 weights summed): half the memory of doubles, and the scales applied once at the end.
  const out = new Int32Array(features.length * ROW);
  const sums = model.sums.table;
  for (let t = 0; t < features.length; t++) {
    const token = features[t]!;
    const base = t * ROW;
    for (const group of token.shared) {
      const from = group.offsetIn(model);
      for (let l = 0; l < ROW; l++) out[base + l]! += sums[from + l]!;
    }
    addRows(model, token.context, out, base);
  }
  return out;
}

/** The first stage's emissions (token * LABEL_COUNT + label), scaled, from localScores(). */
export function firstStageEmissions(model: TwoStageModel, local: Int32Array): Float64Array {
  const n = local.length / ROW;
  const out = new Float64Array(n * L);
  const scale = model.scales[0];
  for (let t = 0; t < n; t++) for (let l = 0; l < L; l++) out[t * L + l] = local[t * ROW + l]! * scale;
  return out;
}

/** The second stage's emissions: its local scores plus its weights of each token's document features, scaled. */
export function secondStageEmissions(model: TwoStageModel, local: Int32Array, documentFeatures: readonly (readonly number[])[]): Float64Array {
  const n = local.length / ROW;
  const out = new Float64Array(n * L);
  const { rows, weights } = model;
  const scale = model.scales[1];
  for (let t = 0; t < n; t++) {
    for (let l = 0; l < L; l++) out[t * L + l] = local[t * ROW + L + l]!;
    for (const id of documentFeatures[t]!) {
      const r = rows[id]!;
      if (r < 0) continue;
      for (let l = 0; l < L; l++) out[t * L + l]! += weights[r * ROW + L + l]!;
    }
    for (let l = 0; l < L; l++) out[t * L + l]! *= scale;
  }
  return out;
}
