import { Type, type Static } from 'typebox';

/** What intake did with an item: the receipt's outcomes, and `tombstone` for a cancel kept before its story. */
export const WIRE_LOG_OUTCOMES = ['new', 'updated', 'duplicate', 'stale', 'killed', 'tombstone', 'rejected'] as const;
export type WireLogOutcome = (typeof WIRE_LOG_OUTCOMES)[number];

/** How the copy reached intake: posted to /v1/wire (e-mail included), or fetched by the feed poller. */
export const WIRE_CHANNELS = ['wire', 'feed'] as const;
export type WireChannel = (typeof WIRE_CHANNELS)[number];

const Text = (maxLength: number) => Type.String({ maxLength });

/**
 * One line of the intake log: an item (or a whole document intake could not read) and what
 * intake did with it. The wire desk lists and streams these.
 */
export const WireItemReceivedV1 = Type.Object({
  receivedAt: Type.String({ format: 'date-time' }),
  channel: Type.Union([Type.Literal('wire'), Type.Literal('feed')]),
  /** The source the item was filed under (an agency, a feed's host), or the posting key's name when unread. */
  source: Text(200),
  /** The newsroom of the key or feed it came through: a submit key sees its newsroom's lines only. */
  newsroom: Text(200),
  /** The API key that posted it (wire channel). */
  key: Type.Optional(Text(200)),
  /** The polled feed's id (feed channel). */
  feed: Type.Optional(Text(200)),
  /** The format intake read it as; absent when the document could not be read at all. */
  format: Type.Optional(Text(50)),
  /** The item's position in its document (0-based); absent for a refusal of the whole document. */
  index: Type.Optional(Type.Integer({ minimum: 0 })),
  guid: Type.Optional(Text(1000)),
  version: Type.Optional(Type.Integer({ minimum: 1 })),
  headline: Type.Optional(Text(1000)),
  language: Type.Optional(Text(35)),
  outcome: Type.Union([
    Type.Literal('new'),
    Type.Literal('updated'),
    Type.Literal('duplicate'),
    Type.Literal('stale'),
    Type.Literal('killed'),
    Type.Literal('tombstone'),
    Type.Literal('rejected'),
  ]),
  reason: Type.Optional(Text(2000)),
  articleId: Type.Optional(Type.String({ format: 'uuid' })),
});
export type WireItemReceivedV1 = Static<typeof WireItemReceivedV1>;
