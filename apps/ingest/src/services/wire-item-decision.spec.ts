import { describe, expect, it } from '@jest/globals';
import { untagged } from '#contracts';
import type { DraftArticle } from '#contracts';
import { decideWireItem, wireContentHash, wireItemKey } from './wire-item-decision.js';

const item = (overrides: Partial<DraftArticle> = {}): DraftArticle => ({
  source: 'afp',
  externalId: 'urn:newsml:afp.com:1',
  version: 2,
  headline: 'Headline',
  bodyHtml: '<p>Body</p>',
  bodyText: 'Body',
  pubStatus: 'usable',
  versionCreated: '2026-11-26T10:00:00Z',
  ...untagged(),
  ...overrides,
});
const previous = (overrides = {}) => ({ articleId: 'a1', contentHash: wireContentHash(item()), version: 2, ...overrides });

describe('decideWireItem', () => {
  it('takes an unseen guid as a new story, but not a cancel notice for it', () => {
    expect(decideWireItem(undefined, item(), 'h')).toEqual({ outcome: 'new', action: 'submit' });
    expect(decideWireItem(undefined, item({ pubStatus: 'canceled' }), 'h')).toEqual({ outcome: 'killed', tombstone: true });
  });

  it('calls the same content a duplicate, whenever ingest received it', () => {
    const resent = item({ versionCreated: '2026-11-27T00:00:00Z' });
    expect(decideWireItem(previous(), resent, wireContentHash(resent))).toMatchObject({ outcome: 'duplicate', reason: 'same content as already received' });
  });

  it('turns a newer version into an update and ignores an older one arriving late', () => {
    const newer = item({ version: 3, headline: 'New headline' });
    expect(decideWireItem(previous(), newer, wireContentHash(newer))).toEqual({ outcome: 'updated', action: 'update' });
    const older = item({ version: 1, headline: 'Old headline' });
    expect(decideWireItem(previous(), older, wireContentHash(older))).toEqual({
      outcome: 'stale',
      status: 'stale',
      reason: 'version 1 arrived after version 2 and was not applied',
    });
  });

  it('kills on a cancel notice, once', () => {
    const cancel = item({ version: 3, pubStatus: 'canceled' });
    expect(decideWireItem(previous(), cancel, wireContentHash(cancel))).toEqual({ outcome: 'killed', action: 'kill' });
    expect(decideWireItem(previous({ killed: true }), item({ version: 4, pubStatus: 'canceled' }), 'other')).toMatchObject({ outcome: 'duplicate' });
  });
});

describe('wireItemKey', () => {
  it('uses the guid, then the uri, then a hash of the text', () => {
    expect(wireItemKey(item())).toBe('urn:newsml:afp.com:1');
    expect(wireItemKey(item({ externalId: undefined, uri: 'https://x/1' }))).toBe('https://x/1');
    expect(wireItemKey(item({ externalId: undefined }))).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('decideWireItem after an interrupted intake', () => {
  it('emits again what was decided when the same item comes back while its event is unconfirmed', () => {
    const same = item();
    expect(decideWireItem(previous({ pending: 'submit' }), same, wireContentHash(same))).toEqual({ outcome: 'new', action: 'submit' });
    expect(decideWireItem(previous({ pending: 'update' }), same, wireContentHash(same))).toEqual({ outcome: 'updated', action: 'update' });
  });

  it('keeps a kill that came first: the story is refused while the tombstone lasts, new once it expired', () => {
    const tombstone = previous({ killed: true, tombstoneUntil: '2026-12-01T00:00:00Z' });
    const story = item();
    const before = new Date('2026-11-30T00:00:00Z');
    expect(decideWireItem(tombstone, story, wireContentHash(story), before)).toMatchObject({
      outcome: 'rejected',
      reason: expect.stringMatching(/killed this story before it arrived/),
    });
    expect(decideWireItem(tombstone, story, wireContentHash(story), new Date('2026-12-02T00:00:00Z'))).toEqual({ outcome: 'new', action: 'submit' });
  });

  it('refuses an update to a killed story, naming it in the status', () => {
    const update = item({ version: 3, headline: 'After the kill' });
    expect(decideWireItem(previous({ killed: true }), update, wireContentHash(update))).toEqual({
      outcome: 'rejected',
      status: 'rejected',
      reason: 'the story was killed; version 3 is refused',
    });
  });
});
