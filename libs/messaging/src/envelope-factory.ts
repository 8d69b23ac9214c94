import { createHash, randomUUID } from 'node:crypto';
import { definitionOf, type EventData, type EventOf, type EventType } from '#contracts';

export interface EventOrigin {
  correlationId: string;
  /** The id of the event (or request) that caused this one. */
  causationId?: string;
  producer: string;
}

/** An envelope of the catalogue's event `type`, at the version the catalogue declares. */
export function createEvent<K extends EventType>(type: K, data: EventData<K>, origin: EventOrigin, id: string = randomUUID()): EventOf<K> {
  const { major, minor } = definitionOf(type);
  return {
    id,
    type,
    version: major,
    ...(minor ? { minorVersion: minor } : {}),
    occurredAt: new Date().toISOString(),
    correlationId: origin.correlationId,
    ...(origin.causationId ? { causationId: origin.causationId } : {}),
    producer: origin.producer,
    data,
  } as EventOf<K>;
}

/** The origin of an event caused by another one: same correlation, caused by it. */
export function followingFrom(event: { id: string; correlationId: string }, producer: string): EventOrigin {
  return { correlationId: event.correlationId, causationId: event.id, producer };
}

/**
 * A deterministic event id for the event a step derives from another one: a
 * redelivered input yields the same output id, which JetStream then deduplicates.
 */
export function derivedEventId(causeId: string, step: string): string {
  const hex = createHash('sha256').update(causeId).update('\0').update(step).digest('hex');
  // Shape it as an RFC 9562 version 8 (custom) UUID.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
