import { Inject, Injectable } from '@nestjs/common';
import type { EventOf, Subjects } from '#contracts';
import { activeTraceHeaders, derivedEventId, followingFrom, IntakeStatusReporter, PermanentError, SUBJECTS } from '#messaging';
import type { ArticleState } from '../database/entities/article.entity.js';
import type { OutboxWrite } from '../repositories/outbox.repository.js';
import { PublicationRepository, type RevisionWrite } from '../repositories/publication.repository.js';
import { tagRowsOf } from './automatic-tags.js';
import { lifecycleMessage } from './lifecycle-events.js';
import { OutboxRelayService } from './outbox-relay.service.js';
import { MicroBatcher } from './micro-batcher.js';
import { planRevision, type CurrentState, type RevisionPlan } from './revision-planner.js';

export type ApplyResult = 'applied' | 'already-applied' | 'unchanged';
type Enriched = EventOf<'news.article.enriched'>;

/** An event with the trace context it was handled in (the batch runs outside that context). */
interface Submitted {
  event: Enriched;
  traceparent?: string;
}

interface Applied {
  result: ApplyResult;
  state?: ArticleState;
  write?: RevisionWrite;
}

/** Events per transaction at most, and transactions at once: one fills while the other commits. */
const BATCHES = { maxSize: 100, parallel: 2 };

/**
 * Applies enriched events to the store: the article row, its filter tags, an
 * immutable revision and the events owed to consumers, in one transaction
 * (outbox), then hands those events to the relay. Events handled at the same
 * time share a transaction (two round trips for the lot). Idempotent by event
 * id, so a redelivery changes nothing.
 */
@Injectable()
export class PublicationService {
  private readonly batcher = new MicroBatcher(
    (items: Submitted[]) => this.applyAll(items),
    (item) => item.event.data.article.id,
    BATCHES,
  );

  constructor(
    private readonly store: PublicationRepository,
    private readonly relay: OutboxRelayService,
    private readonly statuses: IntakeStatusReporter,
    @Inject(SUBJECTS) private readonly subjects: Subjects,
  ) {}

  async apply(event: Enriched): Promise<ApplyResult> {
    const { result, state, write } = await this.batcher
      .submit({ event, traceparent: activeTraceHeaders().traceparent })
      .catch((error: unknown) => this.refused(event, error));
    this.relay.deliver(write?.outbox ?? []);
    // Also when already applied: a redelivery means the first attempt never acked, and may have died
    // (kill -9, NATS away) between its commit and this status write, leaving the article "enriched".
    const status = state === 'embargoed' || state === 'killed' ? state : 'published';
    const reason = state === 'killed' ? (write?.article.killReason ?? undefined) : undefined;
    await this.statuses.setStatus({ articleId: event.data.article.id, status, correlationId: event.correlationId, ...(reason ? { reason } : {}) });
    return result;
  }

  /** An event refused for good (an update to a killed story) leaves the article "rejected" with the reason, not "enriched". */
  private async refused(event: Enriched, error: unknown): Promise<never> {
    if (error instanceof PermanentError) {
      await this.statuses.setStatus({ articleId: event.data.article.id, status: 'rejected', reason: error.message, correlationId: event.correlationId });
    }
    throw error;
  }

  private applyAll(items: Submitted[]): Promise<Applied[]> {
    return this.store.transaction(async (tx) => {
      const { fresh, current } = await tx.markAndLock(items.map(({ event }) => ({ eventId: event.id, articleId: event.data.article.id })));
      const now = new Date();
      const applied = items.map((item) => this.decide(item, fresh.has(item.event.id), current.get(item.event.data.article.id), now));
      await tx.writeRevisions(applied.flatMap((a) => (a.write ? [a.write] : [])));
      return applied;
    });
  }

  private decide({ event, traceparent }: Submitted, fresh: boolean, current: CurrentState | undefined, now: Date): Applied {
    if (!fresh) return { result: 'already-applied', state: current?.status };
    const plan = planRevision(current, event.data, now);
    if (!plan) return { result: 'unchanged', state: current?.status };
    return { result: 'applied', state: plan.status, write: this.revisionWrite(event, plan, (current?.revision ?? 0) + 1, traceparent) };
  }

  private revisionWrite(event: Enriched, plan: RevisionPlan, revision: number, traceparent?: string): RevisionWrite {
    const { document } = plan;
    const killed = plan.status === 'killed';
    const killReason = killed ? plan.note : undefined;
    return {
      article: { document, revision, status: plan.status, correlationId: event.correlationId, killReason },
      tags: killed ? [] : tagRowsOf(document),
      action: event.data.action,
      eventId: event.id,
      note: plan.note,
      outbox: this.owedEvents(event, plan, { revision, killReason, traceparent }),
    };
  }

  /** The lifecycle event consumers are owed, if any; its id derives from the cause, so a retry owes the same. */
  private owedEvents(event: Enriched, plan: RevisionPlan, owed: { revision: number; killReason?: string; traceparent?: string }): OutboxWrite[] {
    if (!plan.lifecycle) return [];
    const facts = { action: plan.lifecycle, article: plan.document, revision: owed.revision, correction: event.data.correction, killReason: owed.killReason };
    return [lifecycleMessage(this.subjects, derivedEventId(event.id, plan.lifecycle), followingFrom(event, 'publishing'), facts, owed.traceparent)];
  }
}
