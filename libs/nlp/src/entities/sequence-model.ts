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
  /** Feature bucket -> its row of `weights` (-1: no weight); without it, the row is the bucket. */
  rows?: Int32Array;
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
  Uint8Array.from(Array.from({ length: LABEL_COUNT }, (_w, from) => from).filter((from) => ALLOWED[from * LABEL_COUNT + to])));

/**
 * The same model with only the rows that hold a weight (about one bucket in ten after training):
 * a table that fits the processor's cache instead of 17 MB per stage read at random.
 */
export function compact(model: SequenceModel): SequenceModel {
  const w = model.weights;
  const buckets = w.length / LABEL_COUNT;
  const rows = new Int32Array(buckets).fill(-1);
  let live = 0;
  for (let b = 0; b < buckets; b++) {
    for (let l = 0; l < LABEL_COUNT; l++) {
      if (w[b * LABEL_COUNT + l] !== 0) {
        rows[b] = live++;
        break;
      }
    }
  }
  const weights = new Int8Array(live * LABEL_COUNT);
  for (let b = 0; b < buckets; b++) {
    const r = rows[b]!;
    if (r >= 0) for (let l = 0; l < LABEL_COUNT; l++) weights[r * LABEL_COUNT + l] = w[b * LABEL_COUNT + l]!;
  }
  return { weights, scale: model.scale, transitions: model.transitions, rows };
}

/** Adds the weight rows of `ids` to out[base .. base + LABEL_COUNT). */
function addRows(model: SequenceModel, ids: ArrayLike<number>, out: Float64Array, base: number): void {
  const L = LABEL_COUNT;
  const w = model.weights;
  const rows = model.rows;
  for (let k = 0; k < ids.length; k++) {
    const r = rows ? rows[ids[k]!]! : ids[k]!;
    if (r < 0) continue;
    const row = r * L;
    for (let l = 0; l < L; l++) out[base + l]! += w[row + l]!;
  }
}

function scaleBy(out: Float64Array, scale: number): Float64Array {
  if (scale !== 1) for (let k = 0; k < out.length; k++) out[k]! *= scale;
  return out;
}

/** Label scores of each token, into one flat array (token * LABEL_COUNT + label). */
export function emissions(model: SequenceModel, features: readonly ArrayLike<number>[]): Float64Array {
  const out = new Float64Array(features.length * LABEL_COUNT);
  for (let t = 0; t < features.length; t++) addRows(model, features[t]!, out, t * LABEL_COUNT);
  return scaleBy(out, model.scale);
}

/** A token's features as the tagger has them: the word's own (an array shared by its occurrences) and the rest. */
export interface SplitFeatures {
  own: readonly number[];
  context: ArrayLike<number>;
}

// Per model, the summed rows of each word's own features: a word met again costs one look-up.
const ownScores = new WeakMap<SequenceModel, WeakMap<readonly number[], Float64Array>>();

/** The same scores as emissions() over own + context, adding a word's own rows once per model. */
export function splitEmissions(model: SequenceModel, features: readonly SplitFeatures[]): Float64Array {
  const L = LABEL_COUNT;
  let cache = ownScores.get(model);
  if (!cache) ownScores.set(model, (cache = new WeakMap()));
  const out = new Float64Array(features.length * L);
  for (let t = 0; t < features.length; t++) {
    const token = features[t]!;
    let own = cache.get(token.own);
    if (!own) {
      own = new Float64Array(L);
      addRows(model, token.own, own, 0);
      cache.set(token.own, own);
    }
    out.set(own, t * L);
    addRows(model, token.context, out, t * L);
  }
  return scaleBy(out, model.scale);
}

const transition = (model: SequenceModel, from: number, to: number): number =>
  ALLOWED[from * LABEL_COUNT + to] ? model.transitions[from * LABEL_COUNT + to]! : NEG;

/** Best label sequence under the model (first-order Viterbi over allowed transitions only). */
export function viterbi(model: SequenceModel, emission: Float64Array, n: number): Decoded {
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
