import { Type, type Static, type TSchema } from 'typebox';

/**
 * One envelope for every event. `id` is also sent as the Nats-Msg-Id header, so
 * JetStream drops a republished copy (a routed copy has its own, see the catalogue);
 * `correlationId` follows one request (a submission, an update, a kill) through
 * every service; the article's whole journey is followed by its id, which every
 * event carries (`articleIdOf`). `causationId` names the event that caused this one.
 * `version` is the major version; `minorVersion` (absent: 0) a compatible addition.
 */
export const EnvelopeFields = {
  id: Type.String({ format: 'uuid' }),
  type: Type.String({ pattern: '^[a-z]+(\\.[a-z-]+)+$' }),
  version: Type.Integer({ minimum: 1 }),
  minorVersion: Type.Optional(Type.Integer({ minimum: 0 })),
  occurredAt: Type.String({ format: 'date-time' }),
  correlationId: Type.String({ minLength: 1, maxLength: 200 }),
  causationId: Type.Optional(Type.String({ maxLength: 200 })),
  producer: Type.String({ minLength: 1, maxLength: 100 }),
};

export const envelopeOf = <T extends TSchema>(data: T) => Type.Object({ ...EnvelopeFields, data });

export const AnyEnvelope = envelopeOf(Type.Unknown());
export type Envelope<T = unknown> = Omit<Static<typeof AnyEnvelope>, 'data'> & { data: T };
