import type { operations } from './generated/ingest-api';

/** The intake log as the wire desk keeps it: lines newest first, merged from pages and the live stream. */

/** A line of GET /v1/wire/items (generated from the ingest API's OpenAPI document). */
export type WireLine = operations['WireItemsController_list']['responses'][200]['content']['application/json']['items'][number];
export type WireStatus = NonNullable<WireLine['status']>;

export interface WireFilters {
  outcome: string;
  language: string;
  source: string;
}

export const emptyWireFilters = (): WireFilters => ({ outcome: '', language: '', source: '' });

/** Lines kept on the page: older ones are a "load older" away. */
export const MAX_LINES = 500;

/** The log's query string for these filters (empty ones left out), with any extra parameters. */
export function wireLogQuery(filters: WireFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) if (value.trim()) params.set(key, value.trim());
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * Adds lines (a page or live ones), newest first, each once. A live line comes without a status:
 * it takes the one already known for its article (a duplicate of a published story is published).
 */
export function mergeLines(current: readonly WireLine[], incoming: readonly WireLine[], max = MAX_LINES): WireLine[] {
  const byId = new Map(current.map((line) => [line.id, line]));
  const statusOf = new Map(current.filter((line) => line.articleId && line.status).map((line) => [line.articleId!, line.status!]));
  for (const line of incoming) {
    const known = byId.get(line.id)?.status ?? (line.articleId ? statusOf.get(line.articleId) : undefined);
    byId.set(line.id, known && !line.status ? { ...line, status: known } : line);
  }
  return [...byId.values()].sort((a, b) => Number(b.id) - Number(a.id)).slice(0, max);
}

/** A status change reaches every line about its article. */
export function withStatus(lines: readonly WireLine[], change: WireStatus & { articleId: string }): WireLine[] {
  const { articleId, ...status } = change;
  return lines.map((line) => (line.articleId === articleId ? { ...line, status } : line));
}
