import { Type, type Static } from 'typebox';
import { validatorFor } from '#contracts';

/** What POST /v1/feeds takes. */
export const FeedRegistrationDto = Type.Object(
  {
    url: Type.String({ minLength: 1, maxLength: 2000 }),
    intervalSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 86_400 })),
    /** The source name items are published under; the feed's host when absent. */
    source: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9._-]{1,100}$' })),
  },
  { additionalProperties: false },
);
export type FeedRegistrationDto = Static<typeof FeedRegistrationDto>;

export const feedRegistrations = validatorFor('feed', FeedRegistrationDto);
