import { type Static, type TSchema } from 'typebox';
import { envelopeOf, type Envelope } from '../envelope.js';
import { validatorFor, type Validator } from '../validation.js';
import { ArticleEnrichedV1 } from './article-enriched.v1.js';
import { ArticleIngestedV1 } from './article-ingested.v1.js';
import { ArticleKilledV1, ArticlePublishedV1 } from './article-lifecycle.v1.js';
import { DeadLetterV1 } from './dead-letter.v1.js';

export * from './article-enriched.v1.js';
export * from './article-ingested.v1.js';
export * from './article-lifecycle.v1.js';
export * from './dead-letter.v1.js';

/** The typed event map: event type → payload schema. Producers and consumers use the same entries. */
export const EVENT_SCHEMAS = {
  'news.article.ingested': ArticleIngestedV1,
  'news.article.enriched': ArticleEnrichedV1,
  'news.article.published': ArticlePublishedV1,
  'news.article.updated': ArticlePublishedV1,
  'news.article.corrected': ArticlePublishedV1,
  'news.article.killed': ArticleKilledV1,
  'news.deadletter': DeadLetterV1,
} satisfies Record<string, TSchema>;

export type EventType = keyof typeof EVENT_SCHEMAS;
export type EventData<K extends EventType> = Static<(typeof EVENT_SCHEMAS)[K]>;
export type EventOf<K extends EventType> = Envelope<EventData<K>> & { type: K };

const validators = new Map<string, Validator<unknown>>();

/** The compiled validator for a whole envelope of the given type (compiled once, cached). */
export function envelopeValidator<K extends EventType>(type: K): Validator<EventOf<K>> {
  let validator = validators.get(type);
  if (!validator) {
    validator = validatorFor(`${type} event`, envelopeOf(EVENT_SCHEMAS[type]));
    validators.set(type, validator);
  }
  return validator as Validator<EventOf<K>>;
}

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(EVENT_SCHEMAS, type);
}
