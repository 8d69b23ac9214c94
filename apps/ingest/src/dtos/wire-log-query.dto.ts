import { Type, type Static } from 'typebox';
import { validatorFor, WireItemReceivedV1, type WireLogOutcome } from '#contracts';
import { assertDatesInRange, invalidRequest, PRINTABLE } from '#runtime';
import type { WireLogFilter } from '../wire-log/wire-log-index.js';

export const MAX_WIRE_LOG_PAGE = 200;

/** Query parameters of GET /v1/wire/items and its stream, as they arrive (strings). */
export const WireLogQueryDto = Type.Object(
  {
    source: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, pattern: PRINTABLE, description: 'The source items were filed under ("afp", a feed\'s host).' }),
    ),
    outcome: Type.Optional(
      Type.Union(
        ['new', 'updated', 'duplicate', 'stale', 'killed', 'tombstone', 'rejected'].map((o) => Type.Literal(o)),
        { description: 'What intake did.' },
      ),
    ),
    language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}$', description: 'ISO 639-1 code, e.g. "fr" (matches "fr-CA" too).' })),
    channel: Type.Optional(Type.Union([Type.Literal('wire'), Type.Literal('feed')], { description: 'Posted to /v1/wire, or fetched from a registered feed.' })),
    since: Type.Optional(Type.String({ format: 'date-time', description: 'Received at or after (RFC 3339).' })),
    until: Type.Optional(Type.String({ format: 'date-time', description: 'Received before (RFC 3339).' })),
    limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$', description: `Page size, 1 to ${MAX_WIRE_LOG_PAGE} (default 50).` })),
    before: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$', description: 'The `next` value of the previous page.' })),
    lastEventId: Type.Optional(
      Type.String({ pattern: '^[0-9]{1,15}$', description: 'Stream only: resume after this line (as the Last-Event-ID header does).' }),
    ),
  },
  { additionalProperties: false },
);
export type WireLogQueryDto = Static<typeof WireLogQueryDto>;
const queries = validatorFor('query', WireLogQueryDto);

export interface ParsedWireLogQuery {
  filter: WireLogFilter;
  limit: number;
  before?: number;
  lastEventId?: number;
}

/** Validates the query string (400 problem+json naming each bad parameter) and turns it into a filter. */
export function parseWireLogQuery(raw: unknown): ParsedWireLogQuery {
  const issues = queries.issues(raw ?? {});
  if (issues.length) throw invalidRequest(issues, 'The query has invalid parameters.');
  const query = queries.parse(raw ?? {});
  const time = (field: 'since' | 'until') => (query[field] === undefined ? undefined : Date.parse(query[field]));
  assertDatesInRange(query, ['since', 'until']);
  const limit = query.limit === undefined ? 50 : Number(query.limit);
  if (limit < 1 || limit > MAX_WIRE_LOG_PAGE) throw invalidRequest([{ field: 'limit', reason: `must be an integer from 1 to ${MAX_WIRE_LOG_PAGE}` }]);
  const filter: WireLogFilter = {
    ...(query.source !== undefined ? { source: query.source } : {}),
    ...(query.outcome !== undefined ? { outcome: query.outcome as WireLogOutcome } : {}),
    ...(query.language !== undefined ? { language: query.language } : {}),
    ...(query.channel !== undefined ? { channel: query.channel } : {}),
    ...(query.since !== undefined ? { since: time('since') } : {}),
    ...(query.until !== undefined ? { until: time('until') } : {}),
  };
  return {
    filter,
    limit,
    ...(query.before !== undefined ? { before: Number(query.before) } : {}),
    ...(query.lastEventId !== undefined ? { lastEventId: Number(query.lastEventId) } : {}),
  };
}

/** One line of GET /v1/wire/items: its cursor id, the line, and the article's status now. For the OpenAPI document. */
export const WireLogItemDto = Type.Intersect([
  Type.Object({ id: Type.String({ description: "The line's cursor (a stream sequence): `before` for the next page, the SSE event id" }) }),
  WireItemReceivedV1,
  Type.Object({
    status: Type.Optional(
      Type.Object(
        { status: Type.String(), reason: Type.Optional(Type.String()), updatedAt: Type.String({ format: 'date-time' }) },
        { description: "The article's intake status now" },
      ),
    ),
  }),
]);

export const WireLogPageDto = Type.Object({
  items: Type.Array(WireLogItemDto),
  next: Type.Optional(Type.String({ description: 'Pass as `before` for the next page; absent on the last' })),
});
