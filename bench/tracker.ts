/**
 * Watches the ingested, enriched and published subjects of one namespace and
 * notes when each article's event arrives here, keyed by the correlation id
 * the bench sent. Arrival at one subscriber on one clock splits the end-to-end
 * time into hops without trusting the services' own timestamps.
 */
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { subjectsFor } from '#contracts';

export type Stage = 'ingested' | 'enriched' | 'published';

/** The envelope starts with id, type, version, occurredAt, correlationId: its first bytes name the article. */
const HEAD_BYTES = 400;
const CORRELATION = /"correlationId":"([^"]+)"/;
const decoder = new TextDecoder();

export class Tracker {
  readonly arrivals: Record<Stage, Map<string, number>> = { ingested: new Map(), enriched: new Map(), published: new Map() };
  private readonly subscriptions: Subscription[] = [];
  private waiters: (() => void)[] = [];
  /** Correlation ids of the current phase start with this; stragglers of an earlier phase are ignored. */
  private phaseTag = '';

  constructor(nc: NatsConnection, namespace: string) {
    const subjects = subjectsFor(namespace);
    const bySubject: Record<Stage, string> = { ingested: subjects.ingested, enriched: subjects.enriched, published: subjects.lifecycle.published };
    for (const stage of Object.keys(bySubject) as Stage[]) {
      this.subscriptions.push(nc.subscribe(bySubject[stage], { callback: (_error, message) => this.note(stage, message.data) }));
    }
  }

  get publishedCount(): number {
    return this.arrivals.published.size;
  }

  /** Resolves at the next published event: the closed-loop sender waits on this. */
  nextPublished(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** A new phase starts from nothing, and counts only the articles whose correlation id starts with `tag`. */
  reset(tag: string): void {
    this.phaseTag = tag;
    for (const map of Object.values(this.arrivals)) map.clear();
  }

  close(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  private note(stage: Stage, data: Uint8Array): void {
    const id = CORRELATION.exec(decoder.decode(data.subarray(0, HEAD_BYTES)))?.[1];
    if (!id || !id.startsWith(this.phaseTag) || this.arrivals[stage].has(id)) return;
    this.arrivals[stage].set(id, performance.now());
    if (stage !== 'published') return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
