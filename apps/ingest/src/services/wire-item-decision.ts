import { createHash } from 'node:crypto';
import type { DraftArticle } from '#contracts';
import type { DedupeEntry } from '../repositories/dedupe-claim.repository.js';
import type { WireOutcome } from '../dtos/intake-receipt.dto.js';

export type { WireOutcome };

export type WireDecision =
  | { outcome: 'new' | 'updated' | 'killed'; action: NonNullable<DedupeEntry['pending']> }
  | { outcome: 'duplicate' | 'stale' | 'rejected'; reason: string; status?: 'stale' | 'rejected' }
  /** A cancel notice for a guid never seen: kept as a tombstone so the story, if it comes, is never published. */
  | { outcome: 'killed'; tombstone: true };

/**
 * What a wire item means given what this source sent before under the same
 * guid: a new story, a newer version (update), a cancel notice (kill), or
 * nothing new (duplicate: same content, or an older version arriving late).
 */
export function decideWireItem(previous: DedupeEntry | undefined, item: DraftArticle, contentHash: string, now = new Date()): WireDecision {
  const canceled = item.pubStatus === 'canceled';
  if (!previous) return canceled ? { outcome: 'killed', tombstone: true } : { outcome: 'new', action: 'submit' };
  if (previous.tombstoneUntil) return afterTombstone(previous.tombstoneUntil, canceled, now);
  if (previous.pending && previous.contentHash === contentHash) return resumed(previous.pending);
  if (previous.killed) {
    if (canceled) return { outcome: 'duplicate', reason: 'the story was already killed' };
    return { outcome: 'rejected', reason: `the story was killed; version ${item.version} is refused`, status: 'rejected' };
  }
  if (canceled) return { outcome: 'killed', action: 'kill' };
  if (item.version < previous.version) {
    const reason = `version ${item.version} arrived after version ${previous.version} and was not applied`;
    return { outcome: 'stale', reason, status: 'stale' };
  }
  if (contentHash === previous.contentHash) return { outcome: 'duplicate', reason: 'same content as already received' };
  return { outcome: 'updated', action: 'update' };
}

/** A story whose kill came first: refused while the tombstone lasts, taken as new once it has expired. */
function afterTombstone(until: string, canceled: boolean, now: Date): WireDecision {
  if (Date.parse(until) <= now.getTime()) return canceled ? { outcome: 'killed', tombstone: true } : { outcome: 'new', action: 'submit' };
  if (canceled) return { outcome: 'duplicate', reason: 'the cancel notice was already received' };
  return { outcome: 'rejected', reason: 'the provider killed this story before it arrived; it is not published' };
}

/** The same item again after its event may not have gone out: emit what was decided then. */
function resumed(action: NonNullable<DedupeEntry['pending']>): WireDecision {
  const outcome = action === 'submit' ? 'new' : action === 'kill' ? 'killed' : 'updated';
  return { outcome, action };
}

/** What identifies the content of an item; times ingest filled in itself are left out. */
export function wireContentHash(item: DraftArticle): string {
  const { versionCreated: _v, firstCreated: _f, ...content } = item;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/** The guid of an item, or a hash of its text when the source gives none. */
export function wireItemKey(item: DraftArticle): string {
  return item.externalId ?? item.uri ?? `sha256:${createHash('sha256').update(item.headline).update('\0').update(item.bodyText).digest('hex')}`;
}
