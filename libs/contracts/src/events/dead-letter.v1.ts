import { Type, type Static } from 'typebox';

/** A message a service gave up on: invalid, or out of deliveries. Enough to inspect and redrive it. */
export const DeadLetterV1 = Type.Object({
  service: Type.String(),
  subject: Type.String(),
  /** The original message, as UTF-8 text (base64 when it was not valid UTF-8). */
  payload: Type.String(),
  payloadEncoding: Type.Union([Type.Literal('utf8'), Type.Literal('base64')]),
  headers: Type.Record(Type.String(), Type.String()),
  error: Type.String(),
  reason: Type.Union([Type.Literal('invalid'), Type.Literal('exhausted')]),
  deliveryCount: Type.Integer({ minimum: 0 }),
  streamSequence: Type.Optional(Type.Integer({ minimum: 0 })),
  failedAt: Type.String({ format: 'date-time' }),
});
export type DeadLetterV1 = Static<typeof DeadLetterV1>;
