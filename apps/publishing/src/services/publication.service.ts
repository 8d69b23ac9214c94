import { Inject, Injectable } from '@nestjs/common';
import type { EventOf, Subjects } from '#contracts';
import { IntakeStatusStore, PermanentError, SUBJECTS } from '#messaging';
import { PublicationRepository, type CurrentArticle } from '../repositories/publication.repository.js';
import { lifecycleActionOf, lifecycleMessages } from './lifecycle-events.js';
import { OutboxRelayService } from './outbox-relay.service.js';

export type ApplyResult = 'applied' | 'already-applied';

/**
 * Applies an enriched event to the store: the article row, an immutable
 * revision and the events owed to consumers, in one transaction (outbox).
 * Idempotent by event id, so a redelivery changes nothing.
 */
@Injectable()
export class PublicationService {
  constructor(
    private readonly store: PublicationRepository,
    private readonly relay: OutboxRelayService,
    private readonly statuses: IntakeStatusStore,
    @Inject(SUBJECTS) private readonly subjects: Subjects,
  ) {}

  async apply(event: EventOf<'news.article.enriched'>): Promise<ApplyResult> {
    const { action, article } = event.data;
    const applied = await this.store.transaction(async (tx) => {
      if (!(await tx.markProcessed(event.id))) return false;
      const current = await tx.lockCurrent(article.id);
      assertTransition(current, action);
      const revision = (current?.revision ?? 0) + 1;
      const killed = action === 'kill';
      const lifecycle = lifecycleActionOf(action, !current);
      const messages = lifecycleMessages(this.subjects, event, lifecycle, article, revision);
      await tx.saveArticle({
        id: article.id,
        source: article.source,
        externalId: article.externalId ?? null,
        revision,
        status: killed ? 'killed' : 'published',
        language: article.language ?? null,
        section: article.section ?? null,
        headline: article.headline,
        document: article,
        killReason: event.data.killReason,
      });
      await tx.addRevision({ articleId: article.id, revision, action, eventId: event.id, document: article, note: event.data.correction ?? event.data.killReason });
      await tx.enqueue(messages);
      return true;
    });
    if (!applied) return 'already-applied';
    this.relay.kick();
    await this.statuses.setStatus({ articleId: article.id, status: 'published', correlationId: event.correlationId });
    return 'applied';
  }
}

/** A killed story stays dead, and only an existing story can be killed or corrected. */
function assertTransition(current: CurrentArticle | undefined, action: EventOf<'news.article.enriched'>['data']['action']): void {
  if (current?.status === 'killed') throw new PermanentError(`article ${current.id} was killed; ${action} refused`);
  if (!current && (action === 'kill' || action === 'correct')) throw new PermanentError(`cannot ${action} an article that was never published`);
}
