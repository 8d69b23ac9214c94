import { matchWord, normalise, type Hit, type TermIndex } from './term-index.js';

/** Distinct words seen before the memo is reset: bounds memory on a long-running service. */
const MEMO_LIMIT = 50_000;

/** Word matches repeat across tokens and articles: memoised, with a bound on memory. */
export class WordMatcher {
  private readonly memo = new Map<string, Hit[]>();
  constructor(private readonly index: TermIndex) {}

  match(lower: string): Hit[] {
    let hits = this.memo.get(lower);
    if (!hits) {
      if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
      hits = this.compute(lower);
      this.memo.set(lower, hits);
    }
    return hits;
  }

  /** One word is one piece of evidence: where a word and a prefix both match, the stronger counts. */
  private compute(lower: string): Hit[] {
    const hits = this.parts(lower);
    if (hits.length === 0) return [];
    const strongest = new Map<string, number>();
    for (const [, weights] of hits) for (const [top, w] of weights) strongest.set(top, Math.max(strongest.get(top) ?? 0, w));
    return [[normalise(lower), strongest]];
  }

  /** A compound ("vice-présidence", "start-up") is also read through its parts. */
  private parts(lower: string): Hit[] {
    const whole = matchWord(this.index, lower);
    if (whole.length > 0 || !lower.includes('-')) return whole;
    return lower.split('-').flatMap((part) => (part.length >= 3 ? matchWord(this.index, part) : []));
  }
}
