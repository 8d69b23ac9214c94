import { describe, expect, it } from '@jest/globals';
import type { WireItemReceivedV1 } from '#contracts';
import { WireLogIndex } from './wire-log-index.js';

const T0 = Date.parse('2026-12-07T10:00:00Z');

function line(minute: number, over: Partial<WireItemReceivedV1> = {}): WireItemReceivedV1 {
  return { receivedAt: new Date(T0 + minute * 60_000).toISOString(), channel: 'wire', source: 'afp', newsroom: 'agency', outcome: 'new', ...over };
}

const seqs = (entries: { seq: number }[]) => entries.map((e) => e.seq);

describe('the intake log index', () => {
  const now = () => T0 + 60 * 60_000;

  it('pages newest first with a cursor, and says when there is no more', () => {
    const index = new WireLogIndex({ maxItems: 100, maxAgeMs: 86_400_000 }, now);
    for (let seq = 1; seq <= 5; seq++) index.add(seq, line(seq));
    const first = index.page({}, undefined, 2);
    expect(seqs(first.items)).toEqual([5, 4]);
    expect(first.next).toBe(4);
    const second = index.page({}, first.next, 2);
    expect(seqs(second.items)).toEqual([3, 2]);
    const last = index.page({}, second.next, 2);
    expect(seqs(last.items)).toEqual([1]);
    expect(last.next).toBeUndefined();
  });

  it('filters by source, outcome, language (primary subtag), channel, newsroom and time', () => {
    const index = new WireLogIndex({ maxItems: 100, maxAgeMs: 86_400_000 }, now);
    index.add(1, line(1, { source: 'afp', language: 'fr-CA' }));
    index.add(2, line(2, { source: 'reuters', language: 'en', outcome: 'rejected', reason: 'x' }));
    index.add(3, line(3, { source: 'afp', language: 'fr', channel: 'feed', newsroom: 'lemonde' }));
    expect(seqs(index.page({ source: 'afp' }, undefined, 10).items)).toEqual([3, 1]);
    expect(seqs(index.page({ outcome: 'rejected' }, undefined, 10).items)).toEqual([2]);
    expect(seqs(index.page({ language: 'fr' }, undefined, 10).items)).toEqual([3, 1]);
    expect(seqs(index.page({ channel: 'feed' }, undefined, 10).items)).toEqual([3]);
    expect(seqs(index.page({ newsroom: 'lemonde' }, undefined, 10).items)).toEqual([3]);
    expect(seqs(index.page({ since: T0 + 2 * 60_000, until: T0 + 3 * 60_000 }, undefined, 10).items)).toEqual([2]);
  });

  it('takes a line once, in sequence order even when a later one came first', () => {
    const index = new WireLogIndex({ maxItems: 100, maxAgeMs: 86_400_000 }, now);
    expect(index.add(2, line(2))?.seq).toBe(2);
    expect(index.add(1, line(1))?.seq).toBe(1);
    expect(index.add(2, line(2))).toBeUndefined();
    expect(seqs(index.page({}, undefined, 10).items)).toEqual([2, 1]);
    expect(seqs(index.after(1, {}, 10))).toEqual([2]);
    expect(index.lastSeq).toBe(2);
  });

  it('keeps the newest lines within the count and the age, and forgets articles that left', () => {
    const index = new WireLogIndex({ maxItems: 3, maxAgeMs: 30 * 60_000 }, now);
    expect(index.add(1, line(10, { articleId: '00000000-0000-4000-8000-000000000001' }))).toBeUndefined(); // 50 minutes old
    for (let seq = 2; seq <= 6; seq++) index.add(seq, line(40 + seq, { articleId: `00000000-0000-4000-8000-00000000000${seq}` }));
    expect(index.size).toBe(3);
    expect(seqs(index.page({}, undefined, 10).items)).toEqual([6, 5, 4]);
    expect(index.latestFor('00000000-0000-4000-8000-000000000002')).toBeUndefined();
    expect(index.latestFor('00000000-0000-4000-8000-000000000006')?.seq).toBe(6);
  });

  it('replays what a reconnecting stream missed, oldest first and filtered', () => {
    const index = new WireLogIndex({ maxItems: 100, maxAgeMs: 86_400_000 }, now);
    for (let seq = 1; seq <= 4; seq++) index.add(seq, line(seq, { outcome: seq % 2 ? 'new' : 'duplicate' }));
    expect(seqs(index.after(1, {}, 10))).toEqual([2, 3, 4]);
    expect(seqs(index.after(1, { outcome: 'new' }, 10))).toEqual([3]);
  });
});
