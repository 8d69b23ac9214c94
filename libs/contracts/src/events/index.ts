import { type Static } from 'typebox';
import { envelopeOf, type Envelope } from '../envelope.js';
import { ContractViolation, validatorFor, type Validator } from '../validation.js';
import { Events, type CatalogueEntry } from './catalogue.js';

export * from './article-enriched.v1.js';
export * from './article-ingested.v1.js';
export * from './article-lifecycle.v1.js';
export * from './catalogue.js';
export * from './dead-letter.v1.js';
export * from './wire-item-received.v1.js';

/** The catalogue by event type: producers and consumers use the same entries. */
const BY_TYPE = new Map<string, CatalogueEntry>(Object.values(Events).map((definition) => [definition.type, definition]));

export type EventType = CatalogueEntry['type'];
export type EventDefinitionOf<K extends EventType> = Extract<CatalogueEntry, { type: K }>;
export type EventData<K extends EventType> = Static<EventDefinitionOf<K>['schema']>;
export type EventOf<K extends EventType> = Envelope<EventData<K>> & { type: K };

export function isEventType(type: string): type is EventType {
  return BY_TYPE.has(type);
}

export function definitionOf<K extends EventType>(type: K): EventDefinitionOf<K> {
  return BY_TYPE.get(type) as EventDefinitionOf<K>;
}

const validators = new Map<string, Validator<unknown>>();

/** The compiled validator for a whole envelope of the given type (compiled once, cached). */
export function envelopeValidator<K extends EventType>(type: K): Validator<EventOf<K>> {
  let validator = validators.get(type);
  if (!validator) {
    validator = validatorFor(`${type} event`, envelopeOf(definitionOf(type).schema));
    validators.set(type, validator);
  }
  return validator as Validator<EventOf<K>>;
}

/**
 * A received envelope of a known type, checked against its catalogue entry: another
 * major version is refused before its payload is read (its shape may differ in any
 * way); a newer minor version is read like the known one, its extra fields ignored.
 */
export function readEnvelope<K extends EventType>(type: K, value: unknown): EventOf<K> {
  const { major } = definitionOf(type);
  const version = (value as { version?: unknown }).version;
  if (typeof version === 'number' && version !== major) {
    throw new ContractViolation(`${type} event`, [
      { field: 'version', reason: `is ${version}, a major version this consumer does not read (it reads ${major}.x)` },
    ]);
  }
  return envelopeValidator(type).parse(value);
}

/** The article an event is about, if any: what follows one story across requests (see the envelope). */
export function articleIdOf(event: Envelope): string | undefined {
  const data = event.data as { article?: { id?: string }; articleId?: string } | undefined;
  return data?.article?.id ?? data?.articleId;
}
