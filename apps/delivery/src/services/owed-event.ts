import { LIFECYCLE_ACTIONS, LIFECYCLE_EVENTS, subjectToken, type EventOf, type LifecycleAction } from '#contracts';
import type { OwedEvent } from '../repositories/delivery.repository.js';

/** The four lifecycle events, as delivery consumes them. */
export type LifecycleEvent =
  EventOf<'news.article.published'> | EventOf<'news.article.updated'> | EventOf<'news.article.corrected'> | EventOf<'news.article.killed'>;

const actionOf = (type: string): LifecycleAction => LIFECYCLE_ACTIONS.find((action) => LIFECYCLE_EVENTS[action].type === type)!;

/** What delivery keeps of a lifecycle event: the facts the subscriber filters compare, and its data for the bodies. */
export function owedEventOf(event: LifecycleEvent): OwedEvent {
  const common = { eventId: event.id, type: event.type, action: actionOf(event.type), occurredAt: event.occurredAt };
  const { data } = event;
  if (!('article' in data)) {
    const killed = data;
    return {
      ...common,
      articleId: killed.articleId,
      revision: killed.revision,
      data: killed,
      language: killed.language?.split('-')[0]?.toLowerCase(),
      sectionKey: killed.section ? subjectToken(killed.section, 'general') : undefined,
      topics: [],
    };
  }
  const { article } = data;
  return {
    ...common,
    articleId: article.id,
    revision: data.revision,
    data,
    language: article.language?.split('-')[0]?.toLowerCase(),
    sectionKey: article.section ? subjectToken(article.section, 'general') : undefined,
    topics: article.subjects.map((s) => s.code).filter((code) => code.startsWith('medtop:')),
    source: article.source,
  };
}
