import { envelopeValidator, LIFECYCLE_EVENTS, ROUTED_COPIES, type CanonicalArticle, type LifecycleAction, type Subjects } from '#contracts';
import { createEvent, type EventOrigin } from '#messaging';
import type { OutboxWrite } from '../repositories/outbox.repository.js';

export interface LifecycleFacts {
  action: LifecycleAction;
  article: CanonicalArticle;
  revision: number;
  correction?: string;
  killReason?: string;
}

/**
 * The outbox row of one lifecycle event: the typed subject, and as its copy the routed subject
 * <ns>.published.<lang>.<section>.<action> for wildcard consumers (both catalogue entries). Same
 * event, so the same envelope id; distinct Nats-Msg-Ids so JetStream keeps both. One row holds
 * both, so the article is stored and escaped once. `id` is derived from what caused the event,
 * so a redelivery owes the same row.
 */
export function lifecycleMessage(subjects: Subjects, id: string, origin: EventOrigin, facts: LifecycleFacts, traceparent?: string): OutboxWrite {
  const { action, article, revision } = facts;
  const now = new Date().toISOString();
  const event =
    action === 'killed'
      ? createEvent(
          LIFECYCLE_EVENTS.killed.type,
          {
            articleId: article.id,
            ...(article.language ? { language: article.language } : {}),
            ...(article.section ? { section: article.section } : {}),
            reason: facts.killReason ?? 'killed',
            revision,
            killedAt: now,
          },
          origin,
          id,
        )
      : createEvent(
          LIFECYCLE_EVENTS[action].type,
          {
            article,
            revision,
            publishedAt: now,
            ...(facts.correction ? { correction: facts.correction } : {}),
          },
          origin,
          id,
        );
  // Validated before it is stored: the relay publishes the stored text as is.
  const payload = JSON.stringify(envelopeValidator(event.type).parse(event));
  return {
    subject: subjects.lifecycle[action],
    msgId: id,
    payload,
    correlationId: origin.correlationId,
    ...(traceparent ? { traceparent } : {}),
    copySubject: subjects.routed(action, article.language, article.section),
    copyMsgId: ROUTED_COPIES[action].msgIdOf(id),
  };
}
