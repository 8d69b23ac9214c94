import { Feed } from 'feed';
import type { CanonicalArticle } from '#contracts';

export type FeedFormat = 'atom' | 'json';

export interface FeedEntry {
  document: CanonicalArticle;
  publishedAt: Date;
  updatedAt: Date;
}

export interface FeedRequest {
  /** Absolute URL of the service, e.g. "https://news.example". */
  baseUrl: string;
  /** The feed's own path without extension, e.g. "/v1/feeds/sections/economie". */
  path: string;
  title: string;
  entries: FeedEntry[];
}

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** An Atom 1.0 or JSON Feed document; the `feed` library does the XML escaping. */
export function renderFeed(request: FeedRequest, format: FeedFormat): string {
  const { baseUrl, path, entries } = request;
  const feed = new Feed({
    id: `${baseUrl}${path}`,
    title: request.title,
    link: `${baseUrl}/v1/articles`,
    updated: entries.reduce((latest, e) => (e.updatedAt > latest ? e.updatedAt : latest), new Date(0)),
    generator: 'Dépêche',
    feedLinks: { atom: `${baseUrl}${path}.atom`, json: `${baseUrl}${path}.json` },
  });
  // The library marks Atom titles and summaries type="html": plain text must arrive there escaped, or "a < b" reads as a tag.
  const text = format === 'atom' ? escapeHtml : (value: string) => value;
  for (const entry of entries) feed.addItem(itemOf(entry, baseUrl, text));
  return format === 'atom' ? feed.atom1() : feed.json1();
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);

function itemOf({ document: a, publishedAt, updatedAt }: FeedEntry, baseUrl: string, text: (value: string) => string) {
  return {
    id: `urn:uuid:${a.id}`,
    title: text(a.headline),
    link: `${baseUrl}/v1/articles/${a.id}`,
    date: updatedAt,
    published: publishedAt,
    ...(a.standfirst ? { description: text(a.standfirst) } : {}),
    content: a.bodyHtml,
    ...(a.byline ? { author: [{ name: a.byline }] } : {}),
    category: a.subjects.map((s) => ({ term: s.code, name: s.name ?? s.code })),
    ...(a.rights?.copyrightNotice ? { copyright: a.rights.copyrightNotice } : {}),
  };
}
