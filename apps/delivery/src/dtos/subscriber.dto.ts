import { Type, type Static } from 'typebox';
import { validatorFor } from '#contracts';

export const SUBSCRIBER_FORMATS = ['ninjs', 'newsml-g2'] as const;
export type SubscriberFormat = (typeof SUBSCRIBER_FORMATS)[number];

const List = (item: ReturnType<typeof Type.String>, description: string) =>
  Type.Optional(Type.Array(item, { minItems: 1, maxItems: 100, uniqueItems: true, description }));

/** Which lifecycle events a subscriber receives: every field is optional, and an absent one lets everything through. */
export const SubscriberFilter = Type.Object(
  {
    events: Type.Optional(
      Type.Array(Type.Union([Type.Literal('published'), Type.Literal('updated'), Type.Literal('corrected'), Type.Literal('killed')]), {
        minItems: 1,
        uniqueItems: true,
        description: 'published, updated, corrected, killed',
      }),
    ),
    languages: List(Type.String({ pattern: '^[A-Za-z]{2,3}$' }), 'primary language subtags (fr, en); "fr" takes fr-CA too'),
    sections: List(Type.String({ minLength: 1, maxLength: 200 }), 'sections, compared as the routed subjects spell them (Économie = economie)'),
    topics: List(Type.String({ pattern: '^(medtop:)?\\d{8}$' }), 'IPTC Media Topics, with or without "medtop:": a story with any of them'),
    sources: List(Type.String({ minLength: 1, maxLength: 200 }), 'the sources stories came from (editor, an agency, a feed)'),
  },
  { additionalProperties: false },
);
export type SubscriberFilter = Static<typeof SubscriberFilter>;

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Url = Type.String({ minLength: 1, maxLength: 2000 });
const Format = Type.Union([Type.Literal('ninjs'), Type.Literal('newsml-g2')]);

/** What POST /v1/subscribers takes. */
export const SubscriberCreateDto = Type.Object(
  {
    name: Name,
    url: Url,
    format: Type.Optional(Format),
    filter: Type.Optional(SubscriberFilter),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'deliver events from this time on (default: now)' })),
  },
  { additionalProperties: false },
);
export type SubscriberCreateDto = Static<typeof SubscriberCreateDto>;

/** What PATCH /v1/subscribers/{id} takes: any of the fields, and pausing or resuming. */
export const SubscriberPatchDto = Type.Object(
  {
    name: Type.Optional(Name),
    url: Type.Optional(Url),
    format: Type.Optional(Format),
    filter: Type.Optional(SubscriberFilter),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('paused')])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type SubscriberPatchDto = Static<typeof SubscriberPatchDto>;

export const subscriberCreations = validatorFor('subscriber', SubscriberCreateDto);
export const subscriberPatches = validatorFor('subscriber', SubscriberPatchDto);

/** A subscriber as the API shows it: never its secret, except once, in the answer to POST. */
export const SubscriberRecord = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Name,
  url: Url,
  format: Format,
  filter: SubscriberFilter,
  status: Type.Union([Type.Literal('active'), Type.Literal('paused')]),
  pausedReason: Type.Optional(Type.String()),
  deliverFrom: Type.String({ format: 'date-time' }),
  consecutiveFailures: Type.Integer({ minimum: 0 }),
  lastSuccessAt: Type.Optional(Type.String({ format: 'date-time' })),
  lastError: Type.Optional(Type.String()),
  lastErrorAt: Type.Optional(Type.String({ format: 'date-time' })),
  backlog: Type.Integer({ minimum: 0, description: 'deliveries not made yet' }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type SubscriberRecord = Static<typeof SubscriberRecord>;

/** One line of a subscriber's delivery log. */
export const DeliveryRecord = Type.Object({
  id: Type.String({ description: 'the delivery’s number, for redrive' }),
  webhookId: Type.String({ description: 'the webhook-id header: the same on every attempt' }),
  eventId: Type.String({ format: 'uuid' }),
  type: Type.String(),
  articleId: Type.String({ format: 'uuid' }),
  revision: Type.Integer(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')]),
  attempts: Type.Integer({ minimum: 0 }),
  lastStatus: Type.Optional(Type.Integer()),
  lastError: Type.Optional(Type.String()),
  latencyMs: Type.Optional(Type.Integer()),
  createdAt: Type.String({ format: 'date-time' }),
  lastAttemptAt: Type.Optional(Type.String({ format: 'date-time' })),
  nextAttemptAt: Type.Optional(Type.String({ format: 'date-time' })),
  deliveredAt: Type.Optional(Type.String({ format: 'date-time' })),
});
export type DeliveryRecord = Static<typeof DeliveryRecord>;
