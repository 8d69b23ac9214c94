// A linear sequence model over BILOU labels: per-token label scores from hashed features, plus
// label-to-label transition scores, decoded with Viterbi. Trained by averaged perceptron
// (see perceptron.ts); the weights are int8 with one scale, so the file stays small.
// BILOU (Begin, Inside, Last, Unit) rather than BIO: the last word of a name and a one-word name
// get weights of their own, which is where boundaries are decided (Ratinov & Roth 2009).

export const ENTITY_CLASSES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export const LABELS: readonly string[] = ['O', ...ENTITY_CLASSES.flatMap((type) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${type}`))];
export const LABEL_COUNT: number = LABELS.length;

export interface SequenceModel {
  /** Per bucket, one weight per label: weights[bucket * LABEL_COUNT + label] * scale. */
  weights: ArrayLike<number>;
  scale: number;
  /** transitions[from * LABEL_COUNT + to]; row LABEL_COUNT is the start of a sequence. */
  transitions: ArrayLike<number>;
}

export interface Decoded {
  labels: Uint8Array;
  /** Per token, how far the chosen label beat the best other one (same predecessor). */
  margins: Float64Array;
}

const NEG = -1e30;

/** A name left open (B-, I-) must go on with I- or L- of its type; nothing else may. */
export function allowed(from: number, to: number): boolean {
  const label = LABELS[to]!;
  const continues = label[0] === 'I' || label[0] === 'L';
  const previous = from === LABEL_COUNT ? 'O' : LABELS[from]!;
  const open = previous[0] === 'B' || previous[0] === 'I';
  return open ? continues && previous.slice(2) === label.slice(2) : !continues;
}

/** A sequence cannot end inside a name. */
const mayEnd = (label: number): boolean => LABELS[label]![0] !== 'B' && LABELS[label]![0] !== 'I';

const ALLOWED: boolean[] = Array.from({ length: (LABEL_COUNT + 1) * LABEL_COUNT }, (_v, k) => allowed(Math.floor(k / LABEL_COUNT), k % LABEL_COUNT));

/** Label scores of each token, into one flat array (token * LABEL_COUNT + label). */
export function emissions(model: SequenceModel, features: readonly Uint32Array[]): Float64Array {
  const out = new Float64Array(features.length * LABEL_COUNT);
  const w = model.weights;
  for (let t = 0; t < features.length; t++) {
    const base = t * LABEL_COUNT;
    for (const id of features[t]!) {
      const row = id * LABEL_COUNT;
      for (let l = 0; l < LABEL_COUNT; l++) out[base + l]! += w[row + l]!;
    }
    for (let l = 0; l < LABEL_COUNT; l++) out[base + l]! *= model.scale;
  }
  return out;
}

const transition = (model: SequenceModel, from: number, to: number): number =>
  ALLOWED[from * LABEL_COUNT + to] ? model.transitions[from * LABEL_COUNT + to]! : NEG;

/** Best label sequence under the model (first-order Viterbi). */
export function viterbi(model: SequenceModel, emission: Float64Array, n: number): Decoded {
  const labels = new Uint8Array(n);
  const margins = new Float64Array(n);
  if (n === 0) return { labels, margins };
  const score = new Float64Array(n * LABEL_COUNT);
  const back = new Uint8Array(n * LABEL_COUNT);
  for (let l = 0; l < LABEL_COUNT; l++) score[l] = transition(model, LABEL_COUNT, l) + emission[l]!;
  for (let t = 1; t < n; t++) {
    for (let l = 0; l < LABEL_COUNT; l++) {
      let best = NEG;
      let arg = 0;
      for (let p = 0; p < LABEL_COUNT; p++) {
        const s = score[(t - 1) * LABEL_COUNT + p]! + transition(model, p, l);
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[t * LABEL_COUNT + l] = best + emission[t * LABEL_COUNT + l]!;
      back[t * LABEL_COUNT + l] = arg;
    }
  }
  let last = 0;
  for (let l = 1; l < LABEL_COUNT; l++) if (mayEnd(l) && score[(n - 1) * LABEL_COUNT + l]! > score[(n - 1) * LABEL_COUNT + last]!) last = l;
  labels[n - 1] = last;
  for (let t = n - 1; t > 0; t--) labels[t - 1] = back[t * LABEL_COUNT + labels[t]!]!;
  for (let t = 0; t < n; t++) margins[t] = localMargin(model, emission, labels, t);
  return { labels, margins };
}

function localMargin(model: SequenceModel, emission: Float64Array, labels: Uint8Array, t: number): number {
  const prev = t === 0 ? LABEL_COUNT : labels[t - 1]!;
  const chosen = labels[t]!;
  const local = (l: number): number => transition(model, prev, l) + emission[t * LABEL_COUNT + l]!;
  let other = NEG;
  for (let l = 0; l < LABEL_COUNT; l++) if (l !== chosen) other = Math.max(other, local(l));
  return local(chosen) - other;
}

/** Typed spans [from, to) of a label sequence; MISC is returned too, callers drop it. */
export function labelSpans(labels: ArrayLike<number>): { from: number; to: number; type: string }[] {
  const spans: { from: number; to: number; type: string }[] = [];
  for (let i = 0; i < labels.length; i++) {
    const label = LABELS[labels[i]!]!;
    if (label === 'O') continue;
    const type = label.slice(2);
    const last = spans[spans.length - 1];
    const continues = label[0] === 'I' || label[0] === 'L';
    if (continues && last && last.to === i && last.type === type) last.to = i + 1;
    else spans.push({ from: i, to: i + 1, type });
  }
  return spans;
}

/** BILOU label index of each token, from the span each token belongs to (-1: none). */
export function spanLabels(spanOf: ArrayLike<number>, typeOf: (span: number) => string): Uint8Array {
  const labels = new Uint8Array(spanOf.length);
  for (let i = 0; i < spanOf.length; i++) {
    const span = spanOf[i]!;
    if (span < 0) continue;
    const first = i === 0 || spanOf[i - 1] !== span;
    const last = i === spanOf.length - 1 || spanOf[i + 1] !== span;
    const position = first && last ? 'U' : first ? 'B' : last ? 'L' : 'I';
    labels[i] = Math.max(0, LABELS.indexOf(`${position}-${typeOf(span)}`));
  }
  return labels;
}
