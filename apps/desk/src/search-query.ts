/** The search form's fields as GET /v1/articles query parameters; dates are whole days in the reader's time zone. */
export interface SearchValues {
  q: string;
  section: string;
  language: string;
  topic: string;
  since: string;
  until: string;
}

export const emptySearch = (): SearchValues => ({ q: '', section: '', language: '', topic: '', since: '', until: '' });

export function searchPath(values: SearchValues, cursor?: string, limit = 10): string {
  const params = new URLSearchParams({ limit: String(limit) });
  for (const key of ['q', 'section', 'language', 'topic'] as const) if (values[key].trim()) params.set(key, values[key].trim());
  if (values.since) params.set('since', new Date(`${values.since}T00:00:00`).toISOString());
  if (values.until) params.set('until', new Date(`${values.until}T00:00:00`).toISOString());
  if (cursor) params.set('cursor', cursor);
  return `/v1/articles?${params}`;
}
