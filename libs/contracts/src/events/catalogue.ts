import { type Static, type TSchema } from 'typebox';
import { subjectToken } from '../subject-token.js';
import { ArticleEnrichedV1 } from './article-enriched.v1.js';
import { ArticleIngestedV1 } from './article-ingested.v1.js';
import { ArticleKilledV1, ArticlePublishedV1 } from './article-lifecycle.v1.js';
import { DeadLetterV1 } from './dead-letter.v1.js';
import { WireItemReceivedV1 } from './wire-item-received.v1.js';

export const LIFECYCLE_ACTIONS = ['published', 'updated', 'corrected', 'killed'] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

/**
 * One event as producers and consumers both know it: its type, its version (a
 * consumer reads every minor version of its major, and refuses another major),
 * its subject in a namespace, its payload schema (and so its TypeScript type),
 * and the Nats-Msg-Id JetStream deduplicates it by.
 */
export interface EventDefinition<T extends string = string, S extends TSchema = TSchema> {
  readonly type: T;
  readonly major: number;
  readonly minor: number;
  readonly schema: S;
  /** The subject it is published on in `namespace` (a dead letter's depends on the service in `data`). */
  subject(namespace: string, data?: Static<S>): string;
  /** What the Nats-Msg-Id is, for the docs; `msgIdOf` computes it. */
  readonly dedupe: string;
  readonly producers: string;
  readonly summary: string;
  readonly carries: string;
}

interface Described {
  producers: string;
  summary: string;
  carries: string;
}

/** `news.article.ingested` major 1 → `<ns>.article.ingested.v1`. */
const versionedSubject = (type: string, major: number) => (namespace: string) => `${namespace}.${type.slice(type.indexOf('.') + 1)}.v${major}`;

function defineEvent<const T extends string, S extends TSchema>(
  type: T,
  version: { major: number; minor: number },
  schema: S,
  described: Described,
  subject: (namespace: string, data?: Static<S>) => string = versionedSubject(type, version.major),
): EventDefinition<T, S> {
  return { type, ...version, schema, subject, dedupe: 'the envelope `id`', ...described };
}

/** Each service's dead letters: `<ns>.deadletter.<service>.v1`. */
export const deadLetterSubject = (namespace: string, service: string) => `${namespace}.deadletter.${subjectToken(service, 'unknown')}.v1`;

const lifecycle = <const T extends string>(type: T, summary: string) =>
  defineEvent(type, { major: 1, minor: 2 }, ArticlePublishedV1, {
    producers: 'publishing (outbox)',
    summary,
    carries: 'the article, its `revision`, `publishedAt`, the `correction` note when corrected',
  });

/** The catalogue: every event the services exchange, each defined once. */
export const Events = {
  articleIngested: defineEvent('news.article.ingested', { major: 1, minor: 2 }, ArticleIngestedV1, {
    producers: 'ingest, cli (reenrich)',
    summary: 'an editor or a wire submitted, updated, corrected or killed a story (or asked it tagged again)',
    carries: '`action`, the canonical article, `correction` or `killReason`, `receivedAt`',
  }),
  articleEnriched: defineEvent('news.article.enriched', { major: 1, minor: 2 }, ArticleEnrichedV1, {
    producers: 'enrichment',
    summary: 'enrichment tagged it',
    carries: 'the same as ingested, the article with its automatic tags and `facts`',
  }),
  articlePublished: lifecycle('news.article.published', 'first publication'),
  articleUpdated: lifecycle('news.article.updated', 'a new revision'),
  articleCorrected: lifecycle('news.article.corrected', 'a new revision with a visible correction'),
  articleKilled: defineEvent('news.article.killed', { major: 1, minor: 0 }, ArticleKilledV1, {
    producers: 'publishing (outbox)',
    summary: 'withdrawn: consumers take the story down',
    carries: '`articleId`, `language`, `section`, `reason`, `revision`, `killedAt` (no copy)',
  }),
  wireItemReceived: defineEvent('news.wire.received', { major: 1, minor: 0 }, WireItemReceivedV1, {
    producers: 'ingest',
    summary: 'an item reached wire intake (a post, a feed poll, an e-mail) and intake decided what to do with it: the intake log',
    carries: 'channel, source, newsroom, format, guid, version, headline, language, `outcome` and `reason`, the article id',
  }),
  deadLetter: {
    ...defineEvent(
      'news.deadletter',
      { major: 1, minor: 0 },
      DeadLetterV1,
      {
        producers: 'every consuming service',
        summary: 'a message the service gave up on (invalid, or out of deliveries)',
        carries: 'original subject, payload and headers, error, reason, delivery count',
      },
      (namespace, letter) => deadLetterSubject(namespace, letter?.service ?? ''),
    ),
    dedupe: '`deadletter:<service>:<stream>:<sequence>` of the message given up on',
    /** For the docs: the subject depends on the service. */
    subjectPattern: '<ns>.deadletter.<service>.v1',
  },
} as const;

export type Catalogue = typeof Events;
export type CatalogueEntry = Catalogue[keyof Catalogue];

/** The lifecycle event of each action. */
export const LIFECYCLE_EVENTS = {
  published: Events.articlePublished,
  updated: Events.articleUpdated,
  corrected: Events.articleCorrected,
  killed: Events.articleKilled,
} as const satisfies Record<LifecycleAction, CatalogueEntry>;

/**
 * The copy of a lifecycle event that consumers filter by wildcard: the same envelope on
 * `<ns>.published.<lang>.<section>.<action>`, with a Nats-Msg-Id of its own so JetStream
 * keeps both it and the typed one.
 */
export interface RoutedCopy {
  readonly of: CatalogueEntry;
  readonly action: LifecycleAction;
  subject(namespace: string, language: string | undefined, section: string | undefined): string;
  /** The routed copy's Nats-Msg-Id, from the envelope id. */
  msgIdOf(eventId: string): string;
  readonly dedupe: string;
}

function routedCopyOf(action: LifecycleAction): RoutedCopy {
  return {
    of: LIFECYCLE_EVENTS[action],
    action,
    subject: (namespace, language, section) => `${namespace}.published.${subjectToken(language, 'und')}.${subjectToken(section, 'general')}.${action}`,
    msgIdOf: (eventId) => `${eventId}:routed`,
    dedupe: '`<id>:routed` (the envelope `id` and `:routed`)',
  };
}

export const ROUTED_COPIES = Object.fromEntries(LIFECYCLE_ACTIONS.map((action) => [action, routedCopyOf(action)])) as Record<LifecycleAction, RoutedCopy>;
