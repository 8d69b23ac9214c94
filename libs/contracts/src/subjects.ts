import { deadLetterSubject, Events, LIFECYCLE_EVENTS, ROUTED_COPIES, type LifecycleAction } from './events/catalogue.js';
import { subjectToken } from './subject-token.js';

export { subjectToken };

/**
 * Every subject the services use, in one namespace, as the events catalogue derives
 * them. The namespace (default "news") lets several deployments, or several test
 * runs, share one NATS without seeing each other.
 *
 * The one list of the services: dead-letter subjects, durable consumers, test and benchmark launchers. */
/** The pipeline's services, wire to store: what the benchmark, the fault suite and the compose files start. */
export const SERVICES = ['ingest', 'enrichment', 'publishing'] as const;
export type ServiceName = (typeof SERVICES)[number];
/** Every service that speaks NATS: the pipeline, and delivery, which pushes lifecycle events to subscribers. */
export type MessagingServiceName = ServiceName | 'delivery';

export interface Subjects {
  namespace: string;
  ingested: string;
  enriched: string;
  lifecycle: Record<LifecycleAction, string>;
  /** The copy of a lifecycle event that consumers filter by wildcard: <ns>.published.<lang>.<section>.<action>. */
  routed(action: LifecycleAction, language: string | undefined, section: string | undefined): string;
  deadLetter(service: ServiceName): string;
  /** Every article event of the namespace (<ns>.article.*.v1), for subscribers that watch them all. */
  articleEvents: string;
  /** A wildcard filter on routed copies: all of them (<ns>.published.>), one language (<ns>.published.fr.>), or one section of it. */
  routedFilter(language?: string, section?: string): string;
  /** Subjects captured by the events stream (history for replay). */
  eventStreamSubjects: string[];
  deadLetterStreamSubjects: string[];
  /** The intake log (news.wire.received), in a stream of its own with its own retention. */
  wireLog: string;
}

export function subjectsFor(namespace = 'news'): Subjects {
  if (!/^[A-Za-z0-9_-]+$/.test(namespace)) throw new Error(`invalid subject namespace "${namespace}"`);
  const ns = namespace;
  return {
    namespace: ns,
    ingested: Events.articleIngested.subject(ns),
    enriched: Events.articleEnriched.subject(ns),
    lifecycle: {
      published: LIFECYCLE_EVENTS.published.subject(ns),
      updated: LIFECYCLE_EVENTS.updated.subject(ns),
      corrected: LIFECYCLE_EVENTS.corrected.subject(ns),
      killed: LIFECYCLE_EVENTS.killed.subject(ns),
    },
    routed: (action, language, section) => ROUTED_COPIES[action].subject(ns, language, section),
    deadLetter: (service) => deadLetterSubject(ns, service),
    articleEvents: `${ns}.article.*.v1`,
    routedFilter: (language, section) =>
      language === undefined
        ? `${ns}.published.>`
        : `${ns}.published.${subjectToken(language, '*')}.${section === undefined ? '>' : `${subjectToken(section, '*')}.*`}`,
    eventStreamSubjects: [`${ns}.article.>`, `${ns}.published.>`],
    deadLetterStreamSubjects: [`${ns}.deadletter.>`],
    wireLog: Events.wireItemReceived.subject(ns),
  };
}

const nameBase = (namespace: string) => namespace.toUpperCase().replace(/-/g, '_');

/** Stream names derived from the namespace ("news" → NEWS_EVENTS, NEWS_DEADLETTERS, NEWS_WIRE_LOG). */
export function streamNames(namespace = 'news') {
  const base = nameBase(namespace);
  return { events: `${base}_EVENTS`, deadLetters: `${base}_DEADLETTERS`, wireLog: `${base}_WIRE_LOG` };
}

/** KV bucket names of the namespace (ingest's intake bookkeeping and feeds); each lives in stream KV_<bucket>. */
export function bucketNames(namespace = 'news') {
  const base = nameBase(namespace);
  return { intake: `${base}_INTAKE`, feeds: `${base}_FEEDS` };
}
