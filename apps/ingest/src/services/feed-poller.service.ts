import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { describeError } from '#messaging';
import { FeedRepository, type FeedRecord } from '../repositories/feed.repository.js';
import { FeedFetcherRepository } from '../repositories/feed-fetcher.repository.js';
import { feedUrlProblem } from '../repositories/feed-fetcher.repository.js';
import { WireIntakeService, type WireItemReceipt } from './wire-intake.service.js';

const TICK_MS = 1000;
/** A feed that keeps failing is polled less and less often, but at least every six hours. */
const MAX_BACKOFF_MS = 6 * 3_600_000;

/**
 * Polls registered feeds when they are due. Several ingest instances may run:
 * each takes a feed by writing a lease on its record (compare-and-set), so one
 * polls it at a time. Items go through wire intake, whose dedupe keys live in
 * JetStream: an item is never ingested twice, across restarts too.
 */
@Injectable()
export class FeedPollerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('FeedPoller');
  private readonly owner = randomUUID();
  private timer?: NodeJS.Timeout;
  private polling = new Set<string>();

  constructor(
    private readonly feeds: FeedRepository,
    private readonly wire: WireIntakeService,
    private readonly fetcher: FeedFetcherRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Should the bucket not answer now, the connection check still refuses private addresses at every poll.
    await this.recheckStoredFeeds().catch((error: unknown) => this.logger.warn(`stored feeds not rechecked: ${describeError(error)}`));
    this.timer = setInterval(() => void this.pollDue(), TICK_MS);
  }

  /**
   * Feeds were registered under the policy of their time: when private networks
   * are no longer allowed, those whose URL names a private address are disabled
   * (and enabled again if the policy is relaxed). Names that resolve privately
   * are refused at every poll by the connection check.
   */
  private async recheckStoredFeeds(): Promise<void> {
    for (const { id } of await this.feeds.list()) {
      const entry = await this.feeds.get(id);
      if (!entry) continue;
      const problem = feedUrlProblem(entry.feed.url, this.fetcher.policy);
      const disabled = problem ? `not polled: the URL ${problem} and FEED_ALLOW_PRIVATE_NETWORKS is false` : undefined;
      if (disabled === entry.feed.disabled) continue;
      const { disabled: _was, ...feed } = entry.feed;
      // A lost race means another instance is doing the same: its write stands.
      await this.feeds.update(disabled ? { ...feed, disabled } : feed, entry.revision);
      if (disabled) this.logger.warn(`feed ${entry.feed.url} disabled: ${disabled}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    while (this.polling.size) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  /** One tick: polls every due feed this instance can lease (a timer calls it each second). */
  async pollDue(): Promise<void> {
    const now = Date.now();
    const due = (await this.feeds.list().catch(() => [])).filter((f) => !f.disabled && Date.parse(f.nextPollAt) <= now && !this.polling.has(f.id));
    await Promise.all(due.map((feed) => this.pollIfLeased(feed.id)));
  }

  private async pollIfLeased(id: string): Promise<void> {
    const leased = await this.lease(id);
    if (!leased) return;
    this.polling.add(id);
    try {
      await this.complete(id, await this.poll(leased));
    } finally {
      this.polling.delete(id);
    }
  }

  private async lease(id: string): Promise<FeedRecord | undefined> {
    const entry = await this.feeds.get(id);
    if (!entry) return undefined;
    const { feed, revision } = entry;
    const now = Date.now();
    if (Date.parse(feed.nextPollAt) > now || (feed.lease && Date.parse(feed.lease.until) > now)) return undefined;
    const leased = { ...feed, lease: { owner: this.owner, until: new Date(now + this.fetcher.policy.timeoutMs * 3).toISOString() } };
    return (await this.feeds.update(leased, revision)) ? leased : undefined;
  }

  /** One poll: what changed on the feed record as a result. */
  private async poll(feed: FeedRecord): Promise<Partial<FeedRecord> & { items?: WireItemReceipt[] }> {
    try {
      const result = await this.fetcher.fetch(feed.url, feed);
      if (result.status === 304 || !result.body) return { lastError: undefined };
      const owner = { key: `feed:${feed.id}`, scope: 'wire' as const, newsroom: feed.source };
      const receipt = await this.wire.receive(result.body, result.contentType, `feed-${feed.id}-${Date.now()}`, {
        owner,
        channel: 'feed',
        feed: feed.id,
        source: feed.source,
      });
      return { etag: result.etag, lastModified: result.lastModified, lastError: undefined, items: receipt.items };
    } catch (error) {
      this.logger.warn(`feed ${feed.url} failed: ${describeError(error)}`);
      return { lastError: error instanceof Error ? error.message : String(error) };
    }
  }

  private async complete(id: string, outcome: Partial<FeedRecord> & { items?: WireItemReceipt[] }): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const entry = await this.feeds.get(id);
      if (!entry) return;
      if (await this.feeds.update(nextState(entry.feed, outcome), entry.revision)) return;
    }
  }
}

function nextState(feed: FeedRecord, { items, ...changes }: Partial<FeedRecord> & { items?: WireItemReceipt[] }): FeedRecord {
  const failed = changes.lastError !== undefined;
  const failures = failed ? feed.consecutiveFailures + 1 : 0;
  const delay = failed ? Math.min(feed.intervalSeconds * 1000 * 2 ** failures, MAX_BACKOFF_MS) : feed.intervalSeconds * 1000;
  const counts = { ...feed.counts };
  for (const item of items ?? []) counts[item.outcome]++;
  const { lease: _lease, ...rest } = feed;
  const now = Date.now();
  return {
    ...rest,
    ...changes,
    counts,
    consecutiveFailures: failures,
    lastPolledAt: new Date(now).toISOString(),
    nextPollAt: new Date(now + delay).toISOString(),
  };
}
