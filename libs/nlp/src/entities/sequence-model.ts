// A linear sequence model over BILOU labels: per-token label scores from hashed features, plus
// label-to-label transition scores, decoded with Viterbi. Trained by averaged perceptron
// (see perceptron.ts); the weights are int8 with one scale, so the file stays small.
// BILOU (Begin, Inside, Last, Unit) rather than BIO: the last word of a name and a one-word name
// get weights of their own, which is where boundaries are decided (Ratinov & Roth 2009).

export const ENTITY_CLASSES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export const LABELS: readonly string[] = ['O', ...ENTITY_CLASSES.flatMap((type) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${type}`))];
export const LABEL_COUNT: number = LABELS.length;

export interface SequenceModel {
  /** Per row, one weight per label: weights[row * LABEL_COUNT + label] * scale. */
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

/** Per label, the labels that may precede it: Viterbi looks at those only (2 for I-/L-, 9 for the rest). */
const PREDECESSORS: Uint8Array[] = Array.from({ length: LABEL_COUNT }, (_v, to) =>
  Uint8Array.from(Array.from({ length: LABEL_COUNT }, (_w, from) => from).filter((from) => ALLOWED[from * LABEL_COUNT + to])),
);

/** Adds the weight rows of `ids` to out[base .. base + LABEL_COUNT). */
function addRows(model: SequenceModel, ids: Uint32Array, out: Float64Array, base: number): void {
  const L = LABEL_COUNT;
  const w = model.weights;
  for (let k = 0; k < ids.length; k++) {
    const row = ids[k]! * L;
    for (let l = 0; l < L; l++) out[base + l]! += w[row + l]!;
  }
}

function scaleBy(out: Float64Array, scale: number): Float64Array {
  if (scale !== 1) for (let k = 0; k < out.length; k++) out[k]! *= scale;
  return out;
}

/** Label scores of each token, into one flat array (token * LABEL_COUNT + label). */
export function emissions(model: SequenceModel, features: readonly Uint32Array[]): Float64Array {
  const out = new Float64Array(features.length * LABEL_COUNT);
  for (let t = 0; t < features.length; t++) addRows(model, features[t]!, out, t * LABEL_COUNT);
  return scaleBy(out, model.scale);
}

const transition = (model: Pick<SequenceModel, 'transitions'>, from: number, to: number): number =>
  ALLOWED[from * LABEL_COUNT + to] ? model.transitions[from * LABEL_COUNT + to]! : NEG;

/** Best label sequence under the model (first-order Viterbi over allowed transitions only). */
export function viterbi(model: Pick<SequenceModel, 'transitions'>, emission: Float64Array, n: number): Decoded {
  const L = LABEL_COUNT;
  const labels = new Uint8Array(n);
  const margins = new Float64Array(n);
  if (n === 0) return { labels, margins };
  const trans = model.transitions;
  const score = new Float64Array(n * L);
  const back = new Uint8Array(n * L);
  for (let l = 0; l < L; l++) score[l] = transition(model, L, l) + emission[l]!;
  for (let t = 1; t < n; t++) {
    const prev = (t - 1) * L;
    const here = t * L;
    for (let l = 0; l < L; l++) {
      const from = PREDECESSORS[l]!;
      let best = NEG;
      let arg = 0;
      for (let k = 0; k < from.length; k++) {
        const p = from[k]!;
        const s = score[prev + p]! + trans[p * L + l]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[here + l] = best + emission[here + l]!;
      back[here + l] = arg;
    }
  }
  let last = 0;
  for (let l = 1; l < L; l++) if (mayEnd(l) && score[(n - 1) * L + l]! > score[(n - 1) * L + last]!) last = l;
  labels[n - 1] = last;
  for (let t = n - 1; t > 0; t--) labels[t - 1] = back[t * L + labels[t]!]!;
  for (let t = 0; t < n; t++) margins[t] = localMargin(model, emission, labels, t);
  return { labels, margins };
}

/** How far the chosen label at t beat the best other one, given the chosen label before it. */
function localMargin(model: Pick<SequenceModel, 'transitions'>, emission: Float64Array, labels: Uint8Array, t: number): number {
  const L = LABEL_COUNT;
  const prev = t === 0 ? L : labels[t - 1]!;
  const chosen = labels[t]!;
  const trans = model.transitions;
  let mine = NEG;
  let other = NEG;
  for (let l = 0; l < L; l++) {
    const score = ALLOWED[prev * L + l] ? trans[prev * L + l]! + emission[t * L + l]! : NEG;
    if (l === chosen) mine = score;
    else if (score > other) other = score;
  }
  return mine - other;
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
