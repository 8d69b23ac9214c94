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

/** A gold entity mention of a document, as the gold files write it. */
export interface GoldMention {
  type: string;
  text: string;
  canonical?: string;
}

/** A predicted entity of a document: its (canonical) name and the texts of its mentions. */
export interface PredictedEntity {
  type: string;
  name: string;
  texts: readonly string[];
}

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’`]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();

/** Gold mentions grouped into entities by type and canonical name; each entity with all its names. */
function goldEntities(gold: readonly GoldMention[]): { type: string; names: Set<string> }[] {
  const byKey = new Map<string, { type: string; names: Set<string> }>();
  for (const m of gold) {
    const key = `${m.type}|${fold(m.canonical ?? m.text)}`;
    const entity = byKey.get(key) ?? { type: m.type, names: new Set<string>() };
    entity.names.add(fold(m.text));
    if (m.canonical) entity.names.add(fold(m.canonical));
    byKey.set(key, entity);
  }
  return [...byKey.values()];
}

/**
 * Document-level typed entity matching: the set of entities per document. A predicted entity
 * is right when its name or one of its mention texts equals a name of a gold entity of the same
 * type (accents and case ignored); a second predicted entity for the same gold entity is wrong.
 */
export function scoreDocumentEntities(gold: readonly GoldMention[], predicted: readonly PredictedEntity[]): EntityScore {
  const entities = goldEntities(gold);
  const matched = new Set<number>();
  let tp = 0;
  for (const p of predicted) {
    const names = new Set([p.name, ...p.texts].map(fold));
    const at = entities.findIndex((g, i) => !matched.has(i) && g.type === p.type && [...names].some((n) => g.names.has(n)));
    if (at >= 0) {
      matched.add(at);
      tp++;
    }
  }
  return { tp, fp: predicted.length - tp, fn: entities.length - tp };
}
