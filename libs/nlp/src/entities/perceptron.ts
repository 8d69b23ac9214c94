import { emissions, LABEL_COUNT, viterbi, type SequenceModel } from './sequence-model.js';

/** One training sequence: hashed features per token and the gold label index per token. */
export interface TrainingSequence {
  features: Uint32Array[];
  labels: Uint8Array;
}

export interface TrainingOptions {
  buckets: number;
  epochs: number;
  seed: number;
}

/** Small seeded generator (mulberry32): the same seed shuffles the same way on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
}

/**
 * Weights with the averaging trick: `w` holds the current weights, `u` each update times the
 * step it was made at, so the average over all steps is w - u / steps without summing every step.
 */
class Averaged {
  readonly w: Float32Array;
  readonly u: Float64Array;
  constructor(size: number) {
    this.w = new Float32Array(size);
    this.u = new Float64Array(size);
  }
  add(index: number, delta: number, step: number): void {
    this.w[index]! += delta;
    this.u[index]! += step * delta;
  }
  average(steps: number): Float64Array {
    const out = new Float64Array(this.w.length);
    for (let i = 0; i < out.length; i++) out[i] = this.w[i]! - this.u[i]! / steps;
    return out;
  }
}

function update(weights: Averaged, transitions: Averaged, seq: TrainingSequence, predicted: Uint8Array, step: number): void {
  let prevGold = LABEL_COUNT;
  let prevPred = LABEL_COUNT;
  for (let t = 0; t < seq.labels.length; t++) {
    const gold = seq.labels[t]!;
    const pred = predicted[t]!;
    if (gold !== pred) {
      for (const id of seq.features[t]!) {
        weights.add(id * LABEL_COUNT + gold, 1, step);
        weights.add(id * LABEL_COUNT + pred, -1, step);
      }
    }
    if (gold !== pred || prevGold !== prevPred) {
      transitions.add(prevGold * LABEL_COUNT + gold, 1, step);
      transitions.add(prevPred * LABEL_COUNT + pred, -1, step);
    }
    prevGold = gold;
    prevPred = pred;
  }
}

export interface TrainedWeights {
  weights: Float64Array;
  transitions: Float64Array;
}

/** Structured averaged perceptron (Collins 2002): decode, then move weights toward the gold path. */
export function trainPerceptron(
  data: readonly TrainingSequence[],
  options: TrainingOptions,
  onEpoch?: (epoch: number, errors: number) => void,
): TrainedWeights {
  const weights = new Averaged(options.buckets * LABEL_COUNT);
  const transitions = new Averaged((LABEL_COUNT + 1) * LABEL_COUNT);
  const model: SequenceModel = { weights: weights.w, transitions: transitions.w, scale: 1 };
  const random = seededRandom(options.seed);
  const order = data.map((_s, i) => i);
  let step = 1;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    let errors = 0;
    for (const index of order) {
      const seq = data[index]!;
      const predicted = viterbi(model, emissions(model, seq.features), seq.labels.length).labels;
      if (predicted.some((l, t) => l !== seq.labels[t])) {
        errors++;
        update(weights, transitions, seq, predicted, step);
      }
      step++;
    }
    onEpoch?.(epoch, errors);
  }
  return { weights: weights.average(step), transitions: transitions.average(step) };
}

/** int8 weights with one scale; the largest weights (beyond the 99.99th percentile) are clipped. */
export function quantise(weights: Float64Array): { values: Int8Array; scale: number } {
  const magnitudes: number[] = [];
  for (const w of weights) if (w !== 0) magnitudes.push(Math.abs(w));
  magnitudes.sort((a, b) => a - b);
  const top = magnitudes.length ? magnitudes[Math.floor((magnitudes.length - 1) * 0.9999)]! : 1;
  const scale = top / 127;
  const values = new Int8Array(weights.length);
  for (let i = 0; i < weights.length; i++) values[i] = Math.max(-127, Math.min(127, Math.round(weights[i]! / scale)));
  return { values, scale };
}
