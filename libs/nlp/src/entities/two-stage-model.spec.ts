import { describe, expect, it } from '@jest/globals';
import { seededRandom } from './perceptron.js';
import { emissions, LABEL_COUNT, type SequenceModel } from './sequence-model.js';
import { FeatureGroup, firstStageEmissions, GROUP_SLOTS, localScores, secondStageEmissions, twoStageModel } from './two-stage-model.js';

const BUCKETS = 64;
const random = seededRandom(7);

/** A dense stage with a weight in about one bucket in three (the rest are dead rows). */
function stage(scale: number): SequenceModel {
  const weights = new Int8Array(BUCKETS * LABEL_COUNT);
  for (let b = 0; b < BUCKETS; b++) {
    if (random() < 0.66) continue;
    for (let l = 0; l < LABEL_COUNT; l++) weights[b * LABEL_COUNT + l] = Math.round(random() * 254 - 127);
  }
  return { weights, scale, transitions: new Float32Array((LABEL_COUNT + 1) * LABEL_COUNT) };
}

const ids = (n: number): number[] => Array.from({ length: n }, () => Math.floor(random() * BUCKETS));

describe('two stages in one table', () => {
  const first = stage(0.01);
  const second = stage(0.02);
  const model = twoStageModel(first, second);
  const words = Array.from({ length: 5 }, () => new FeatureGroup(ids(6)));
  const tokens = Array.from({ length: 12 }, (_v, t) => ({ shared: [words[t % 5]!, words[(t + 2) % 5]!], context: Uint32Array.from(ids(4)) }));
  const documentFeatures = tokens.map((_t, i) => (i % 3 ? [] : ids(2)));
  const dense = (extra: readonly (readonly number[])[]) =>
    tokens.map((t, i) => Uint32Array.from([...t.shared.flatMap((g) => [...g.ids]), ...t.context, ...extra[i]!]));

  it('keeps only the buckets where either stage has a weight', () => {
    const live = Array.from({ length: BUCKETS }, (_v, b) =>
      [first, second].some((s) => Array.from({ length: LABEL_COUNT }, (_w, l) => s.weights[b * LABEL_COUNT + l]).some((w) => w !== 0)),
    );
    expect(model.weights.length).toBe(live.filter(Boolean).length * 2 * LABEL_COUNT);
    expect(Array.from(model.rows, (r) => r >= 0)).toEqual(live);
  });

  it('scores each stage exactly as its own dense table does', () => {
    const local = localScores(model, tokens);
    const close = (a: Float64Array, b: Float64Array) => Array.from(a).forEach((v, k) => expect(v).toBeCloseTo(b[k]!, 9));
    close(firstStageEmissions(model, local), emissions(first, dense(tokens.map(() => []))));
    close(secondStageEmissions(model, local, documentFeatures), emissions(second, dense(documentFeatures)));
  });

  it('sums a group again once the table of sums has started over', () => {
    const probe = new FeatureGroup(ids(6));
    const before = Array.from(localScores(model, [{ shared: [probe], context: new Uint32Array(0) }]));
    // Fill every slot: the probe's slot now holds another group's sums.
    for (let k = 0; k < GROUP_SLOTS; k++) new FeatureGroup([k % BUCKETS]).offsetIn(model);
    expect(Array.from(localScores(model, [{ shared: [probe], context: new Uint32Array(0) }]))).toEqual(before);
  });

  it('refuses a group too large for its int16 sums', () => {
    expect(() => new FeatureGroup(ids(300))).toThrow(/at most 255 ids/);
  });
});
