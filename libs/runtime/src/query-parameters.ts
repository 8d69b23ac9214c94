import { invalidRequest } from './problem-details.js';

/** A text parameter without control characters: Postgres refuses a NUL in text, and none belongs in a query. */
export const PRINTABLE = '^[^\\u0000-\\u001f\\u007f]*$';

/** The dates Postgres and the stores can hold and compare; year 0 does not exist. */
const EARLIEST = Date.parse('1000-01-01T00:00:00Z');
const LATEST = Date.parse('9999-12-31T23:59:59Z');

/** 400 problem+json naming each of `fields` that holds a date outside the years 1000 to 9999 (parsed already as date-time). */
export function assertDatesInRange(query: Readonly<Record<string, unknown>>, fields: readonly string[]): void {
  const outOfRange = fields.filter(
    (field) => typeof query[field] === 'string' && !(Date.parse(query[field]) >= EARLIEST && Date.parse(query[field]) <= LATEST),
  );
  if (outOfRange.length) throw invalidRequest(outOfRange.map((field) => ({ field, reason: 'must be a date from year 1000 to 9999' })));
}
