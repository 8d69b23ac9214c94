import { afterEach, describe, expect, it } from '@jest/globals';
import { newTestService } from '#runtime/testing';
import { FeedFetcherRepository } from '../repositories/feed-fetcher.repository.js';
import { EMPTY_COUNTS, FeedRepository, type FeedRecord } from '../repositories/feed.repository.js';
import { FeedPollerService } from './feed-poller.service.js';
import { WireIntakeService } from './wire-intake.service.js';

const PAST = new Date(Date.now() - 60_000).toISOString();
const feed = (over: Partial<FeedRecord> = {}): FeedRecord => ({
  id: 'f1',
  url: 'https://news.test/rss',
  intervalSeconds: 60,
  source: 'news.test',
  createdAt: PAST,
  consecutiveFailures: 0,
  nextPollAt: PAST,
  counts: { ...EMPTY_COUNTS },
  ...over,
});

/** A poller over one stored feed; every compare-and-set succeeds unless the test says otherwise. */
function poller(stored: FeedRecord) {
  const built = newTestService(FeedPollerService);
  const feeds = built.mock(FeedRepository);
  let current = stored;
  feeds.list.mockImplementation(async () => [current]);
  feeds.get.mockImplementation(async () => ({ feed: current, revision: 1 }));
  feeds.update.mockImplementation(async (next: FeedRecord) => {
    current = next;
    return true;
  });
  Object.assign(built.mock(FeedFetcherRepository), { policy: { allowPrivateNetworks: false, timeoutMs: 1000, maxBytes: 1024 } });
  return { ...built, now: () => current };
}

describe('FeedPollerService', () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => stop?.());

  it('polls a due feed it leased, through wire intake as the feed, and counts the outcomes', async () => {
    const built = poller(feed());
    built.mock(FeedFetcherRepository).fetch.mockResolvedValue({ status: 200, body: Buffer.from('<rss/>'), contentType: 'application/rss+xml', etag: '"v2"' });
    built.mock(WireIntakeService).receive.mockResolvedValue({
      format: 'rss',
      items: [
        { index: 0, outcome: 'new' },
        { index: 1, outcome: 'duplicate' },
      ],
    });
    await built.sut.pollDue();
    const [, , , delivery] = built.mock(WireIntakeService).receive.mock.calls[0]!;
    expect(delivery).toEqual({ owner: { key: 'feed:f1', scope: 'wire', newsroom: 'news.test' }, channel: 'feed', feed: 'f1', source: 'news.test' });
    const after = built.now();
    expect(after).toMatchObject({ etag: '"v2"', consecutiveFailures: 0, counts: expect.objectContaining({ new: 1, duplicate: 1 }) });
    expect(after.lease).toBeUndefined();
    expect(Date.parse(after.nextPollAt) - Date.parse(after.lastPolledAt!)).toBe(60_000);
  });

  it('leaves a feed another instance leased, or one not due, alone', async () => {
    const leased = poller(feed({ lease: { owner: 'other', until: new Date(Date.now() + 60_000).toISOString() } }));
    await leased.sut.pollDue();
    const notDue = poller(feed({ nextPollAt: new Date(Date.now() + 60_000).toISOString() }));
    await notDue.sut.pollDue();
    const lost = poller(feed());
    lost.mock(FeedRepository).update.mockResolvedValue(false);
    await lost.sut.pollDue();
    for (const built of [leased, notDue, lost]) expect(built.mock(FeedFetcherRepository).fetch).not.toHaveBeenCalled();
  });

  it('backs a failing feed off, doubling the wait, and says why', async () => {
    const built = poller(feed({ consecutiveFailures: 2 }));
    built.mock(FeedFetcherRepository).fetch.mockRejectedValue(new Error('no answer within 1000 ms'));
    await built.sut.pollDue();
    const after = built.now();
    expect(after).toMatchObject({ lastError: 'no answer within 1000 ms', consecutiveFailures: 3 });
    expect(Date.parse(after.nextPollAt) - Date.parse(after.lastPolledAt!)).toBe(60_000 * 8);
    expect(built.mock(WireIntakeService).receive).not.toHaveBeenCalled();
  });

  it('takes a 304 as a clean poll with nothing to read', async () => {
    const built = poller(feed({ lastError: 'earlier failure', consecutiveFailures: 1 }));
    built.mock(FeedFetcherRepository).fetch.mockResolvedValue({ status: 304 });
    await built.sut.pollDue();
    expect(built.now()).toMatchObject({ lastError: undefined, consecutiveFailures: 0 });
    expect(built.mock(WireIntakeService).receive).not.toHaveBeenCalled();
  });

  it('disables, at start, a stored feed whose URL names a private address now that private networks are refused', async () => {
    const built = poller(feed({ url: 'http://10.0.0.5/rss' }));
    stop = () => built.sut.onApplicationShutdown();
    await built.sut.onApplicationBootstrap();
    expect(built.now().disabled).toMatch(/private or local address and FEED_ALLOW_PRIVATE_NETWORKS is false/);
  });
});
