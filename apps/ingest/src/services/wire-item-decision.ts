import { createHash } from 'node:crypto';
import type { DraftArticle } from '#contracts';
import type { DedupeEntry } from '../repositories/intake-status.repository.js';
import type { WireOutcome } from '../dtos/intake-receipt.dto.js';

export type { WireOutcome };

export type WireDecision =
  | { outcome: 'new' | 'updated' | 'killed'; action: NonNullable<DedupeEntry['pending']> }
  | { outcome: 'duplicate' | 'rejected'; reason: string };

/**
 * What a wire item means given what this source sent before under the same
 * guid: a new story, a newer version (update), a cancel notice (kill), or
 * nothing new (duplicate: same content, or an older version arriving late).
 */
export function decideWireItem(previous: DedupeEntry | undefined, item: DraftArticle, contentHash: string): WireDecision {
  const canceled = item.pubStatus === 'canceled';
  if (!previous) {
    return canceled ? { outcome: 'rejected', reason: 'cancel notice for an item never received' } : { outcome: 'new', action: 'submit' };
  }
  if (previous.pending && previous.contentHash === contentHash) return resumed(previous.pending);
  if (previous.killed) return { outcome: 'duplicate', reason: 'the story was already killed' };
  if (canceled) return { outcome: 'killed', action: 'kill' };
  if (item.version < previous.version) {
    return { outcome: 'duplicate', reason: `version ${item.version} is older than version ${previous.version} already received` };
  }
  if (contentHash === previous.contentHash) return { outcome: 'duplicate', reason: 'same content as already received' };
  return { outcome: 'updated', action: 'update' };
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
