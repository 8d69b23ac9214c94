import type { WireItemReceivedV1, WireLogOutcome } from '#contracts';

/** One line of the intake log as the index holds it: its stream sequence (the cursor and SSE id) and its record. */
export interface WireLogEntry {
  seq: number;
  /** receivedAt in epoch ms, for the time filters and the window. */
  time: number;
  record: WireItemReceivedV1;
}

export interface WireLogFilter {
  source?: string;
  outcome?: WireLogOutcome;
  /** A language's primary subtag ("fr" matches "fr" and "fr-CA"). */
  language?: string;
  channel?: WireItemReceivedV1['channel'];
  /** Epoch ms, inclusive. */
  since?: number;
  /** Epoch ms, exclusive. */
  until?: number;
  /** A submit key's newsroom: only its lines. */
  newsroom?: string;
}

export interface WireLogLimits {
  maxItems: number;
  maxAgeMs: number;
}

export function matches(entry: WireLogEntry, filter: WireLogFilter): boolean {
  const r = entry.record;
  if (filter.newsroom !== undefined && r.newsroom !== filter.newsroom) return false;
  if (filter.source !== undefined && r.source !== filter.source) return false;
  if (filter.outcome !== undefined && r.outcome !== filter.outcome) return false;
  if (filter.channel !== undefined && r.channel !== filter.channel) return false;
  if (filter.language !== undefined && r.language?.toLowerCase().split('-')[0] !== filter.language.toLowerCase()) return false;
  if (filter.since !== undefined && entry.time < filter.since) return false;
  if (filter.until !== undefined && entry.time >= filter.until) return false;
  return true;
}

/**
 * The intake log's window in memory, in stream order: what the log API pages through and the
 * live stream replays from. Fed by this instance's own writes and by a tail of the stream (so every
 * instance sees every instance's lines); bounded like the stream, by count and by age.
 */
export class WireLogIndex {
  private entries: WireLogEntry[] = [];
  /** Entries before this position have left the window (dropped in bulk, not one shift per line). */
  private start = 0;
  /** Per article, the newest line about it: whose newsroom may see its status changes. */
  private readonly byArticle = new Map<string, WireLogEntry>();

  constructor(
    private readonly limits: WireLogLimits,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.length - this.start;
  }

  /** The highest sequence held (0: none). */
  get lastSeq(): number {
    return this.size ? this.entries[this.entries.length - 1]!.seq : 0;
  }

  /** Adds a line and returns it; undefined when it was already there (a second add of one sequence) or is out of the window. */
  add(seq: number, record: WireItemReceivedV1): WireLogEntry | undefined {
    const entry: WireLogEntry = { seq, time: Date.parse(record.receivedAt), record };
    if (entry.time < this.now() - this.limits.maxAgeMs) return undefined;
    const at = this.position(seq);
    if (this.entries[at]?.seq === seq) return undefined;
    // The tail delivers in order; only this instance's own writes can come ahead of a line another instance wrote.
    if (at === this.entries.length) this.entries.push(entry);
    else this.entries.splice(at, 0, entry);
    const newest = record.articleId ? this.byArticle.get(record.articleId) : undefined;
    if (record.articleId && (!newest || newest.seq < seq)) this.byArticle.set(record.articleId, entry);
    this.trim();
    return entry;
  }

  /** Newest first, strictly before the sequence `before` (a cursor from a previous page). */
  page(filter: WireLogFilter, before: number | undefined, limit: number): { items: WireLogEntry[]; next?: number } {
    this.trim();
    const items: WireLogEntry[] = [];
    let k = (before === undefined ? this.entries.length : this.position(before)) - 1;
    for (; k >= this.start && items.length < limit; k--) {
      const entry = this.entries[k]!;
      if (filter.since !== undefined && entry.time < filter.since) break; // older lines only from here on
      if (matches(entry, filter)) items.push(entry);
    }
    const more = items.length === limit && k >= this.start;
    return more ? { items, next: items[items.length - 1]!.seq } : { items };
  }

  /** Oldest first, strictly after `seq`: what a reconnecting stream missed. */
  after(seq: number, filter: WireLogFilter, limit: number): WireLogEntry[] {
    this.trim();
    const out: WireLogEntry[] = [];
    for (let k = Math.max(this.start, this.position(seq + 1)); k < this.entries.length && out.length < limit; k++) {
      if (matches(this.entries[k]!, filter)) out.push(this.entries[k]!);
    }
    return out;
  }

  /** The newest line about an article still in the window. */
  latestFor(articleId: string): WireLogEntry | undefined {
    return this.byArticle.get(articleId);
  }

  /** First position whose sequence is ≥ seq (binary search over the window). */
  private position(seq: number): number {
    let lo = this.start;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.entries[mid]!.seq < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private trim(): void {
    const oldest = this.now() - this.limits.maxAgeMs;
    while (this.start < this.entries.length && (this.size > this.limits.maxItems || this.entries[this.start]!.time < oldest)) {
      const gone = this.entries[this.start++]!;
      const id = gone.record.articleId;
      if (id && this.byArticle.get(id) === gone) this.byArticle.delete(id);
    }
    if (this.start > 1024 && this.start * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.start);
      this.start = 0;
    }
  }
}
