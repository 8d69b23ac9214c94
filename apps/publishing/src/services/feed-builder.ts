import { XMLBuilder } from 'fast-xml-parser';
import type { CanonicalArticle } from '#contracts';

export type FeedFormat = 'atom' | 'json';

export interface FeedEntry {
  document: CanonicalArticle;
  publishedAt: Date;
  updatedAt: Date;
}

/** Who the feeds come from: the author of entries without a byline, and the feeds' language. */
export interface FeedPublisher {
  /** The publication's name, in feed titles and the generator. */
  name: string;
  /** The author of every entry without a byline (RFC 4287 wants one on each). */
  author: string;
  /** The feed's language (BCP 47) when its entries do not agree on one. */
  language: string;
}

export interface FeedRequest {
  /** Absolute URL of the service, e.g. "https://news.example". */
  baseUrl: string;
  /** The feed's own path without extension, e.g. "/v1/feeds/sections/economie". */
  path: string;
  /** What the feed is about, e.g. "économie": the title is the publication's name and this. */
  subject: string;
  entries: FeedEntry[];
  publisher: FeedPublisher;
}

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/** An Atom 1.0 (RFC 4287) or JSON Feed 1.1 document. */
export function renderFeed(request: FeedRequest, format: FeedFormat): string {
  return format === 'atom' ? atomFeed(request) : JSON.stringify(jsonFeed(request));
}

/** One entry's times as feeds state them: modified never before published (a clock skew between rows must not show). */
function timesOf({ publishedAt, updatedAt }: FeedEntry): { published: string; updated: string } {
  return { published: publishedAt.toISOString(), updated: (updatedAt > publishedAt ? updatedAt : publishedAt).toISOString() };
}

const authorOf = (entry: FeedEntry, publisher: FeedPublisher) => entry.document.byline || publisher.author;
const titleOf = (request: FeedRequest) => `${request.publisher.name}: ${request.subject}`;
const linkOf = (baseUrl: string, article: CanonicalArticle) => `${baseUrl}/v1/articles/${article.id}`;

/** The language most entries are in, else the publication's. */
function languageOf({ entries, publisher }: FeedRequest): string {
  const counts = new Map<string, number>();
  for (const { document } of entries) if (document.language) counts.set(document.language, (counts.get(document.language) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? publisher.language;
}

/** Text constructs stay plain text (type="text"): the XML builder escapes them, so "a < b" and "]]>" read as written. */
const textConstruct = (value: string) => ({ '@_type': 'text', '#text': value });

const xml = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', textNodeName: '#text', format: true, suppressEmptyNode: true });

function atomFeed(request: FeedRequest): string {
  const { baseUrl, path, entries, publisher } = request;
  const updated =
    entries
      .map((e) => timesOf(e).updated)
      .sort()
      .at(-1) ?? new Date(0).toISOString();
  const feed = {
    '@_xmlns': 'http://www.w3.org/2005/Atom',
    '@_xml:lang': languageOf(request),
    id: `${baseUrl}${path}`,
    title: textConstruct(titleOf(request)),
    updated,
    author: { name: publisher.author },
    link: [
      { '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': `${baseUrl}${path}.atom` },
      { '@_rel': 'alternate', '@_type': 'application/feed+json', '@_href': `${baseUrl}${path}.json` },
    ],
    generator: publisher.name,
    entry: entries.map((entry) => atomEntry(entry, baseUrl, publisher)),
  };
  return `<?xml version="1.0" encoding="utf-8"?>\n${xml.build({ feed })}`;
}

function atomEntry(entry: FeedEntry, baseUrl: string, publisher: FeedPublisher) {
  const a = entry.document;
  const { published, updated } = timesOf(entry);
  return {
    ...(a.language ? { '@_xml:lang': a.language } : {}),
    id: `urn:uuid:${a.id}`,
    title: textConstruct(a.headline),
    link: { '@_rel': 'alternate', '@_href': linkOf(baseUrl, a) },
    published,
    updated,
    author: { name: authorOf(entry, publisher) },
    ...(a.standfirst ? { summary: textConstruct(a.standfirst) } : {}),
    // The body is sanitised HTML, sent escaped as RFC 4287 §3.1.1.2 says for type="html".
    content: { '@_type': 'html', '#text': a.bodyHtml },
    category: a.subjects.map((s) => ({ '@_term': s.code, '@_label': s.name ?? s.code })),
    ...(a.rights?.copyrightNotice ? { rights: textConstruct(a.rights.copyrightNotice) } : {}),
  };
}

function jsonFeed(request: FeedRequest) {
  const { baseUrl, path, entries, publisher } = request;
  return {
    version: JSON_FEED_VERSION,
    title: titleOf(request),
    home_page_url: `${baseUrl}/v1/articles`,
    feed_url: `${baseUrl}${path}.json`,
    language: languageOf(request),
    authors: [{ name: publisher.author }],
    items: entries.map((entry) => {
      const a = entry.document;
      const { published, updated } = timesOf(entry);
      return {
        id: `urn:uuid:${a.id}`,
        url: linkOf(baseUrl, a),
        title: a.headline,
        ...(a.standfirst ? { summary: a.standfirst } : {}),
        content_html: a.bodyHtml,
        content_text: a.bodyText,
        date_published: published,
        date_modified: updated,
        authors: [{ name: authorOf(entry, publisher) }],
        ...(a.language ? { language: a.language } : {}),
        ...(a.subjects.length ? { tags: a.subjects.map((s) => s.name ?? s.code) } : {}),
      };
    }),
  };
}
