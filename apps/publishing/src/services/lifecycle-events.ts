import { envelopeValidator, type ArticleEnrichedV1, type CanonicalArticle, type EventOf, type LifecycleAction, type Subjects } from '#contracts';
import { createEvent, derivedEventId, followingFrom } from '#messaging';
import type { OutboxWrite } from '../repositories/publication.repository.js';

/** Which lifecycle event a stored revision owes consumers. */
export function lifecycleActionOf(action: ArticleEnrichedV1['action'], firstRevision: boolean): LifecycleAction {
  if (action === 'kill') return 'killed';
  if (firstRevision) return 'published';
  return action === 'correct' ? 'corrected' : 'updated';
}

/**
 * The outbox rows for one lifecycle event: the typed subject, and the copy on
 * <ns>.published.<lang>.<section>.<action> for wildcard consumers. Same event,
 * so the same envelope id; distinct Nats-Msg-Ids so JetStream keeps both.
 */
export function lifecycleMessages(
  subjects: Subjects,
  cause: EventOf<'news.article.enriched'>,
  action: LifecycleAction,
  article: CanonicalArticle,
  revision: number,
): OutboxWrite[] {
  const origin = followingFrom(cause, 'publishing');
  const id = derivedEventId(cause.id, action);
  const now = new Date().toISOString();
  const event =
    action === 'killed'
      ? createEvent('news.article.killed', {
          articleId: article.id,
          ...(article.language ? { language: article.language } : {}),
          ...(article.section ? { section: article.section } : {}),
          reason: cause.data.killReason ?? 'killed',
          revision,
          killedAt: now,
        }, origin, id)
      : createEvent(`news.article.${action}`, {
          article,
          revision,
          publishedAt: now,
          ...(cause.data.correction ? { correction: cause.data.correction } : {}),
        }, origin, id);
  // Validated before it is stored: the relay publishes the stored text as is.
  const payload = JSON.stringify(envelopeValidator(event.type).parse(event));
  return [
    { subject: subjects.lifecycle[action], msgId: id, payload, correlationId: cause.correlationId },
    { subject: subjects.routed(action, article.language, article.section), msgId: `${id}:routed`, payload, correlationId: cause.correlationId },
  ];
}
