/**
 * Every subject the services use. The namespace (default "news") lets several
 * deployments, or several test runs, share one NATS without seeing each other.
 */
export const LIFECYCLE_ACTIONS = ['published', 'updated', 'corrected', 'killed'] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

export const SERVICES = ['ingest', 'enrichment', 'publishing'] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface Subjects {
  namespace: string;
  ingested: string;
  enriched: string;
  lifecycle: Record<LifecycleAction, string>;
  /** The copy of a lifecycle event that consumers filter by wildcard: <ns>.published.<lang>.<section>.<action>. */
  routed(action: LifecycleAction, language: string | undefined, section: string | undefined): string;
  deadLetter(service: ServiceName): string;
  /** Subjects captured by the events stream (history for replay). */
  eventStreamSubjects: string[];
  deadLetterStreamSubjects: string[];
}

/** Subject tokens may not contain '.', '*', '>' or whitespace; section names are slugged to ASCII. */
export function subjectToken(value: string | undefined, fallback: string): string {
  const slug = (value ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
  return slug || fallback;
}

export function subjectsFor(namespace = 'news'): Subjects {
  if (!/^[A-Za-z0-9_-]+$/.test(namespace)) throw new Error(`invalid subject namespace "${namespace}"`);
  const ns = namespace;
  return {
    namespace: ns,
    ingested: `${ns}.article.ingested.v1`,
    enriched: `${ns}.article.enriched.v1`,
    lifecycle: {
      published: `${ns}.article.published.v1`,
      updated: `${ns}.article.updated.v1`,
      corrected: `${ns}.article.corrected.v1`,
      killed: `${ns}.article.killed.v1`,
    },
    routed: (action, language, section) =>
      `${ns}.published.${subjectToken(language, 'und')}.${subjectToken(section, 'general')}.${action}`,
    deadLetter: (service) => `${ns}.deadletter.${service}.v1`,
    eventStreamSubjects: [`${ns}.article.>`, `${ns}.published.>`],
    deadLetterStreamSubjects: [`${ns}.deadletter.>`],
  };
}

const nameBase = (namespace: string) => namespace.toUpperCase().replace(/-/g, '_');

/** Stream names derived from the namespace ("news" → NEWS_EVENTS, NEWS_DEADLETTERS). */
export function streamNames(namespace = 'news') {
  const base = nameBase(namespace);
  return { events: `${base}_EVENTS`, deadLetters: `${base}_DEADLETTERS` };
}

/** KV bucket names of the namespace (ingest's intake bookkeeping and feeds); each lives in stream KV_<bucket>. */
export function bucketNames(namespace = 'news') {
  const base = nameBase(namespace);
  return { intake: `${base}_INTAKE`, feeds: `${base}_FEEDS` };
}
