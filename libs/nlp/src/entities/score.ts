/** A typed span, as gold and predictions are compared: exact offsets and type must agree. */
export interface ScoredSpan {
  start: number;
  end: number;
  type: string;
}

export interface EntityScore {
  tp: number;
  fp: number;
  fn: number;
}

export interface PrfScore extends EntityScore {
  precision: number;
  recall: number;
  f1: number;
}

const spanKey = (s: ScoredSpan): string => `${s.start}:${s.end}:${s.type}`;

/**
 * Exact typed-span matching (CoNLL style). Duplicates count once, so a tagger cannot
 * earn true positives by emitting the same span twice.
 */
export function scoreEntities(gold: readonly ScoredSpan[], predicted: readonly ScoredSpan[]): EntityScore {
  const goldKeys = new Set(gold.map(spanKey));
  const predKeys = new Set(predicted.map(spanKey));
  let tp = 0;
  for (const key of predKeys) if (goldKeys.has(key)) tp++;
  return { tp, fp: predKeys.size - tp, fn: goldKeys.size - tp };
}

export function addScores(a: EntityScore, b: EntityScore): EntityScore {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

export function toPrf(score: EntityScore): PrfScore {
  const precision = score.tp + score.fp === 0 ? 0 : score.tp / (score.tp + score.fp);
  const recall = score.tp + score.fn === 0 ? 0 : score.tp / (score.tp + score.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...score, precision, recall, f1 };
}

/** Gold corpora label types PER/ORG/LOC; the contract says person/organisation/place. */
export const GOLD_TYPE: Readonly<Record<string, string>> = { person: 'PER', organisation: 'ORG', place: 'LOC' };
