import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DraftArticle } from '#contracts';
import { derivedEventId, IntakeStatusStore, type DedupeEntry } from '#messaging';
import { readWire, type WireFormat } from '#wire';
import { IngestedEventEmitter } from './ingested-event.emitter.js';
import { decideWireItem, wireContentHash, wireItemKey, type WireDecision, type WireOutcome } from './wire-item-decision.js';

export interface WireItemReceipt {
  index: number;
  articleId?: string;
  headline?: string;
  outcome: WireOutcome;
  reason?: string;
}

export interface WireReceipt {
  format: WireFormat;
  items: WireItemReceipt[];
}

type Claim = { claimed: true; revision: number } | { claimed: false; existing: DedupeEntry; revision: number };
type ItemResult = Omit<WireItemReceipt, 'index' | 'headline'>;

/** How many times an item is re-decided when another request changed its dedupe entry meanwhile. */
const MAX_RACES = 3;

/**
 * Agency copy in, ingested events out: one event per item of the document,
 * each decided against what the source sent before under the same guid.
 * Throws WireError when the document as a whole cannot be read.
 */
@Injectable()
export class WireIntakeService {
  constructor(
    private readonly statuses: IntakeStatusStore,
    private readonly emitter: IngestedEventEmitter,
  ) {}

  async receive(bytes: Uint8Array, contentType: string | undefined, correlationId: string, sourceOverride?: string): Promise<WireReceipt> {
    const { format, articles, skipped } = await readWire(bytes, contentType, { receivedAt: new Date().toISOString() });
    const items: WireItemReceipt[] = skipped.map((s) => ({ index: s.index, outcome: 'rejected', reason: s.reason }));
    const taken = new Set(items.map((i) => i.index));
    let index = 0;
    for (const draft of articles) {
      while (taken.has(index)) index++;
      const item = sourceOverride ? { ...draft, source: sourceOverride } : draft;
      items.push({ index: index++, headline: item.headline, ...(await this.receiveItem(item, correlationId)) });
    }
    return { format, items: items.sort((a, b) => a.index - b.index) };
  }

  private async receiveItem(item: DraftArticle, correlationId: string): Promise<ItemResult> {
    const key = wireItemKey(item);
    const contentHash = wireContentHash(item);
    for (let attempt = 0; attempt < MAX_RACES; attempt++) {
      const fresh: DedupeEntry = { articleId: randomUUID(), contentHash, version: item.version, pending: 'submit' };
      const claim = await this.claimOrPeek(item, key, fresh);
      const previous = claim.claimed ? undefined : claim.existing;
      const decision = decideWireItem(previous, item, contentHash);
      if ('reason' in decision) return { articleId: previous?.articleId, outcome: decision.outcome, reason: decision.reason };
      const entry = previous ? nextEntry(previous, item, contentHash, decision) : fresh;
      const revision = previous ? await this.statuses.updateClaim(item.source, key, entry, claim.revision).catch(() => undefined) : claim.revision;
      if (revision === undefined) continue;
      // The same content while its first emission was unconfirmed: a retry, which must not set the status back.
      const resumed = !!previous?.pending && previous.contentHash === contentHash;
      await this.emit(item, key, entry, decision, correlationId, resumed);
      // Confirmed: a later copy of this item is a duplicate, not a retry.
      await this.statuses.updateClaim(item.source, key, { ...entry, pending: undefined }, revision).catch(() => undefined);
      return { articleId: entry.articleId, outcome: decision.outcome };
    }
    return { outcome: 'rejected', reason: 'the item changed concurrently too often; send it again' };
  }

  /** A cancel notice must not claim a guid nobody sent: it only looks. */
  private async claimOrPeek(item: DraftArticle, key: string, fresh: DedupeEntry): Promise<Claim> {
    if (item.pubStatus !== 'canceled') return this.statuses.claim(item.source, key, fresh);
    const found = await this.statuses.findClaim(item.source, key);
    return found ? { claimed: false, ...found } : { claimed: true, revision: 0 };
  }

  private emit(item: DraftArticle, key: string, entry: DedupeEntry, decision: Extract<WireDecision, { action: unknown }>, correlationId: string, resumed: boolean) {
    const article = { ...item, id: entry.articleId, externalId: key };
    const killReason = decision.action === 'kill' ? { killReason: `canceled by ${item.provider ?? item.source}` } : {};
    // Deterministic: a retry after a failed publish republishes the same event, which JetStream drops if it had gone out.
    const eventId = derivedEventId(entry.articleId, `${entry.contentHash}:${decision.action}`);
    return this.emitter.emit(decision.action, article, correlationId, { ...killReason, eventId, resumed });
  }
}

function nextEntry(previous: DedupeEntry, item: DraftArticle, contentHash: string, decision: Extract<WireDecision, { action: unknown }>): DedupeEntry {
  return {
    articleId: previous.articleId,
    contentHash,
    version: Math.max(item.version, previous.version),
    killed: decision.action === 'kill',
    pending: decision.action,
  };
}
