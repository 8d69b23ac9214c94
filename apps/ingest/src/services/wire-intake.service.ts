import { Inject, Injectable, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DraftArticle, WireChannel, WireItemReceivedV1, WireLogOutcome } from '#contracts';
import { derivedEventId } from '#messaging';
import { DedupeClaimRepository, type DedupeEntry } from '../repositories/dedupe-claim.repository.js';
import { IntakeStatusRepository } from '../repositories/intake-status.repository.js';
import { isWireError, type WireFormat } from '#wire';
import { WireLogService } from '../wire-log/wire-log.service.js';
import { IngestedEventEmitter } from './ingested-event.emitter.js';
import type { StoryOwner } from './ownership-rules.js';
import { WireReaderService } from './wire-reader.service.js';
import { OwnershipService } from './ownership.service.js';
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

/** A receipt line, and for the intake log whether a kill was kept as a tombstone (its story not yet received). */
type ItemResult = Omit<WireItemReceipt, 'index' | 'headline'> & { tombstone?: true };

/** How a document reached intake: who owns what it creates, by which channel, and the source to file it under. */
export interface WireDelivery {
  owner: StoryOwner;
  channel: WireChannel;
  /** The polled feed's id (feed channel). */
  feed?: string;
  /** Files every item under this source instead of the one the copy names. */
  source?: string;
}

/** One intake log line; lengths cut to what the log's contract holds. */
function logLine(
  delivery: WireDelivery,
  format: WireFormat | undefined,
  receivedAt: string,
  fields: Partial<WireItemReceivedV1> & Pick<WireItemReceivedV1, 'outcome'>,
): WireItemReceivedV1 {
  const cut = (text: string | undefined, max: number) => (text === undefined ? undefined : text.slice(0, max));
  const line: WireItemReceivedV1 = {
    ...fields,
    receivedAt,
    channel: delivery.channel,
    source: (fields.source ?? delivery.source ?? delivery.owner.key).slice(0, 200),
    newsroom: delivery.owner.newsroom.slice(0, 200),
    ...(delivery.channel === 'wire' ? { key: delivery.owner.key.slice(0, 200) } : {}),
    ...(delivery.feed ? { feed: delivery.feed } : {}),
    ...(format ? { format } : {}),
    headline: cut(fields.headline, 1000),
    guid: cut(fields.guid, 1000),
    reason: cut(fields.reason, 2000),
    language: fields.language && fields.language.length <= 35 ? fields.language : undefined,
  };
  return Object.fromEntries(Object.entries(line).filter(([, v]) => v !== undefined)) as WireItemReceivedV1;
}

/** Injection token: hours a tombstone (a kill before its story) lasts. */
export const KILL_TOMBSTONE_HOURS = Symbol('KILL_TOMBSTONE_HOURS');
export const WIRE_MAX_ITEMS = Symbol('WIRE_MAX_ITEMS');
const DEFAULT_TOMBSTONE_HOURS = 24 * 30;

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
    private readonly statuses: IntakeStatusRepository,
    private readonly claims: DedupeClaimRepository,
    private readonly emitter: IngestedEventEmitter,
    private readonly ownership: OwnershipService,
    private readonly reader: WireReaderService,
    private readonly log: WireLogService,
    @Optional() @Inject(KILL_TOMBSTONE_HOURS) private readonly tombstoneHours: number = DEFAULT_TOMBSTONE_HOURS,
    @Optional() @Inject(WIRE_MAX_ITEMS) private readonly maxItems?: number,
  ) {}

  /** Reads the document, decides each item, and writes one intake log line per item (or one for a document refused whole). */
  async receive(bytes: Uint8Array, contentType: string | undefined, correlationId: string, delivery: WireDelivery): Promise<WireReceipt> {
    const receivedAt = new Date().toISOString();
    let read: Awaited<ReturnType<WireReaderService['read']>>;
    try {
      read = await this.reader.read(bytes, contentType, { receivedAt, maxItems: this.maxItems });
    } catch (error) {
      if (isWireError(error)) await this.log.record([logLine(delivery, undefined, receivedAt, { outcome: 'rejected', reason: error.message })], correlationId);
      throw error;
    }
    const { format, articles, skipped } = read;
    const items: WireItemReceipt[] = skipped.map((s) => ({ index: s.index, outcome: 'rejected', reason: s.reason }));
    const lines = items.map((item) => logLine(delivery, format, receivedAt, { index: item.index, outcome: 'rejected', reason: item.reason }));
    const taken = new Set(items.map((i) => i.index));
    let index = 0;
    for (const draft of articles) {
      while (taken.has(index)) index++;
      const item = delivery.source ? { ...draft, source: delivery.source } : draft;
      const oversize = this.emitter.oversize(item);
      const { tombstone, ...result }: ItemResult = oversize
        ? { outcome: 'rejected', reason: `The item ${oversize}` }
        : await this.receiveItem(item, correlationId, delivery.owner);
      const outcome: WireLogOutcome = tombstone ? 'tombstone' : result.outcome;
      lines.push(
        logLine(delivery, format, receivedAt, {
          index,
          source: item.source,
          guid: item.externalId ?? item.uri,
          version: item.version,
          headline: item.headline,
          language: item.language,
          outcome,
          reason: result.reason,
          articleId: result.articleId,
        }),
      );
      items.push({ index: index++, headline: item.headline, ...result });
    }
    await this.log.record(
      lines.sort((a, b) => a.index! - b.index!),
      correlationId,
    );
    return { format, items: items.sort((a, b) => a.index - b.index) };
  }

  private async receiveItem(item: DraftArticle, correlationId: string, owner: StoryOwner): Promise<ItemResult> {
    const key = wireItemKey(item);
    const contentHash = wireContentHash(item);
    for (let attempt = 0; attempt < MAX_RACES; attempt++) {
      const fresh = this.freshEntry(item, contentHash);
      const claim = await this.claims.claim(item.source, key, fresh);
      const previous = claim.claimed ? undefined : claim.existing;
      // Before any decision: agency copy must not touch an editor's story, not even its status (stale, killed).
      if (previous && !(await this.ownership.isAgencyCopy(previous.articleId)))
        return { outcome: 'rejected', reason: 'the guid names a story editors submitted: agency copy cannot change it' };
      const decision = decideWireItem(previous, item, contentHash);
      if ('tombstone' in decision) {
        const done = await this.keepTombstone(
          item,
          key,
          previous ? { ...fresh, articleId: previous.articleId } : undefined,
          claim.revision,
          fresh,
          correlationId,
        );
        if (done) return done;
        continue;
      }
      if ('reason' in decision) return this.refused(previous?.articleId, decision, correlationId);
      const entry = previous ? nextEntry(previous, item, contentHash, decision) : fresh;
      const revision = previous ? await this.claims.updateClaim(item.source, key, entry, claim.revision).catch(() => undefined) : claim.revision;
      if (revision === undefined) continue;
      // The same content while its first emission was unconfirmed: a retry, which must not set the status back.
      const resumed = !!previous?.pending && previous.contentHash === contentHash;
      await Promise.all([previous ? undefined : this.ownership.record(entry.articleId, owner), this.emit(item, key, entry, decision, correlationId, resumed)]);
      // Confirmed: a later copy of this item is a duplicate, not a retry.
      await this.claims.updateClaim(item.source, key, { ...entry, pending: undefined }, revision).catch(() => undefined);
      return { articleId: entry.articleId, outcome: decision.outcome };
    }
    return { outcome: 'rejected', reason: 'the item changed concurrently too often; send it again' };
  }

  /** A cancel notice claims its guid as a tombstone: the story it kills is refused if it comes within the window. */
  private freshEntry(item: DraftArticle, contentHash: string): DedupeEntry {
    const entry: DedupeEntry = { articleId: randomUUID(), contentHash, version: item.version };
    if (item.pubStatus !== 'canceled') return { ...entry, pending: 'submit' };
    return { ...entry, killed: true, tombstoneUntil: new Date(Date.now() + this.tombstoneHours * 3_600_000).toISOString() };
  }

  /** Records the tombstone (replacing an expired one) and shows the kill in the intake status; undefined on a race. */
  private async keepTombstone(
    item: DraftArticle,
    key: string,
    replacing: DedupeEntry | undefined,
    revision: number,
    fresh: DedupeEntry,
    correlationId: string,
  ): Promise<ItemResult | undefined> {
    const entry = replacing ?? fresh;
    if (replacing && (await this.claims.updateClaim(item.source, key, replacing, revision).catch(() => undefined)) === undefined) return undefined;
    const reason = `canceled by ${item.provider ?? item.source} before the story arrived; it will not be published until ${entry.tombstoneUntil}`;
    await this.statuses.setStatus({ articleId: entry.articleId, status: 'killed', reason, correlationId });
    return { articleId: entry.articleId, outcome: 'killed', reason, tombstone: true };
  }

  /** Nothing emitted; a stale version or an update to a killed story says so in the article's status too. */
  private async refused(articleId: string | undefined, decision: Extract<WireDecision, { reason: string }>, correlationId: string): Promise<ItemResult> {
    if (articleId && decision.status) await this.statuses.setStatus({ articleId, status: decision.status, reason: decision.reason, correlationId });
    return { articleId, outcome: decision.outcome, reason: decision.reason };
  }

  private emit(
    item: DraftArticle,
    key: string,
    entry: DedupeEntry,
    decision: Extract<WireDecision, { action: unknown }>,
    correlationId: string,
    resumed: boolean,
  ) {
    const article = { ...item, id: entry.articleId, externalId: key };
    const killReason = decision.action === 'kill' ? { killReason: `canceled by ${item.provider ?? item.source}` } : {};
    // Deterministic: a retry after a failed publish republishes the same event, which JetStream drops if it had gone out.
    const eventId = derivedEventId(entry.articleId, `${entry.contentHash}:${decision.action}`);
    return this.emitter.emit(decision.action, article, correlationId, { ...killReason, eventId, resumed });
  }
}

function nextEntry(previous: DedupeEntry, item: DraftArticle, contentHash: string, decision: Extract<WireDecision, { action: unknown }>): DedupeEntry {
  // After an expired tombstone the story starts afresh: the tombstone's version says nothing.
  if (previous.tombstoneUntil) return { articleId: previous.articleId, contentHash, version: item.version, pending: decision.action };
  return {
    articleId: previous.articleId,
    contentHash,
    version: Math.max(item.version, previous.version),
    killed: decision.action === 'kill',
    pending: decision.action,
  };
}
