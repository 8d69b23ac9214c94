import { Inject, Injectable } from '@nestjs/common';
import type { EventOf, Subjects } from '#contracts';
import { derivedEventId, followingFrom, IntakeStatusStore, SUBJECTS } from '#messaging';
import type { ArticleState } from '../database/entities/article.entity.js';
import { PublicationRepository, type PublicationTransaction } from '../repositories/publication.repository.js';
import { tagRowsOf } from './automatic-tags.js';
import { lifecycleMessages } from './lifecycle-events.js';
import { OutboxRelayService } from './outbox-relay.service.js';
import { planRevision, type RevisionPlan } from './revision-planner.js';

export type ApplyResult = 'applied' | 'already-applied' | 'unchanged';
type Enriched = EventOf<'news.article.enriched'>;

/**
 * Applies an enriched event to the store: the article row, its filter tags,
 * an immutable revision and the events owed to consumers, in one transaction
 * (outbox). Idempotent by event id, so a redelivery changes nothing.
 */
@Injectable()
export class PublicationService {
  constructor(
    private readonly store: PublicationRepository,
    private readonly relay: OutboxRelayService,
    private readonly statuses: IntakeStatusStore,
    @Inject(SUBJECTS) private readonly subjects: Subjects,
  ) {}

  async apply(event: Enriched): Promise<ApplyResult> {
    const { result, state } = await this.store.transaction(async (tx): Promise<{ result: ApplyResult; state?: ArticleState }> => {
      if (!(await tx.markProcessed(event.id))) return { result: 'already-applied', state: await tx.stateOf(event.data.article.id) };
      const current = await tx.lockCurrent(event.data.article.id);
      const plan = planRevision(current, event.data, new Date());
      if (!plan) return { result: 'unchanged', state: current?.status };
      await this.storeRevision(tx, event, plan, (current?.revision ?? 0) + 1);
      return { result: 'applied', state: plan.status };
    });
    if (result === 'applied') this.relay.kick();
    // Also when already applied: a redelivery means the first attempt never acked, and may have died
    // (kill -9, NATS away) between its commit and this status write, leaving the article "enriched".
    await this.statuses.setStatus({ articleId: event.data.article.id, status: state === 'embargoed' ? 'embargoed' : 'published', correlationId: event.correlationId });
    return result;
  }

  private async storeRevision(tx: PublicationTransaction, event: Enriched, plan: RevisionPlan, revision: number): Promise<void> {
    const { document } = plan;
    const killReason = plan.status === 'killed' ? plan.note : undefined;
    await tx.saveArticle({ document, revision, status: plan.status, correlationId: event.correlationId, killReason });
    await tx.replaceTags(document.id, plan.status === 'killed' ? [] : tagRowsOf(document));
    await tx.addRevision({ articleId: document.id, revision, action: event.data.action, eventId: event.id, document, note: plan.note, correlationId: event.correlationId });
    if (!plan.lifecycle) return;
    const facts = { action: plan.lifecycle, article: document, revision, correction: event.data.correction, killReason };
    await tx.enqueue(lifecycleMessages(this.subjects, derivedEventId(event.id, plan.lifecycle), followingFrom(event, 'publishing'), facts));
  }
}
