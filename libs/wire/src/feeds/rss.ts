import { attr, child, children, text, type XmlElement } from '../xml/xml-tree.js';
import type { FeedCategory, FeedEntry, FeedReading } from './feed-entry.js';
import { resolveUrl, xmlBase } from './feed-link.js';
import { dateText, firstText, htmlBody, plainTitle } from './feed-text.js';

/** RSS <author> is "email (Name)" by the spec, "Name" in practice: keep the name. */
function authorName(value: string | undefined): string | undefined {
  const named = value ? /\(([^)]+)\)\s*$/.exec(value)?.[1] : undefined;
  return named?.trim() || value;
}

function categories(item: XmlElement): FeedCategory[] {
  const rss = children(item, 'category').map((el) => ({ term: text(el), scheme: attr(el, 'domain') }));
  const dc = children(item, 'subject').map((el) => ({ term: text(el) }));
  return [...rss, ...dc].filter((c) => c.term !== '');
}

/**
 * RSS <link> is text; an atom:link beside it shares the local name and carries
 * an href instead, so take the first one that has either.
 */
function itemLink(item: XmlElement, base: string | undefined): string | undefined {
  const links = children(item, 'link');
  const href = links.map((link) => text(link) || attr(link, 'href')).find(Boolean);
  return resolveUrl(href, base);
}

/** `channelLink` is read once per feed: looking it up per item rescans every item beside it (quadratic). */
function readItem(item: XmlElement, channel: XmlElement | undefined, root: XmlElement, channelLink: string | undefined): FeedEntry {
  const base = xmlBase(item, channel, root) ?? channelLink;
  const guid = firstText(item, 'guid');
  return {
    title: plainTitle(child(item, 'title')),
    summary: htmlBody(child(item, 'description')),
    content: htmlBody(child(item, 'encoded')),
    author: firstText(item, 'creator') ?? authorName(firstText(item, 'author')),
    categories: categories(item),
    // RSS 1.0 items are identified by rdf:about.
    id: guid ?? attr(item, 'rdf:about'),
    link: itemLink(item, base),
    published: dateText(item, 'pubDate', 'date', 'issued'),
    updated: dateText(item, 'updated', 'modified'),
    language: attr(item, 'xml:lang') ?? firstText(item, 'language'),
  };
}

/**
 * RSS 0.9x/2.0 (<rss><channel><item>) and RSS 1.0 (<rdf:RDF> with <item>s
 * beside the <channel>, not inside it).
 */
export function readRss(root: XmlElement): FeedReading {
  const channel = child(root, 'channel');
  const items = children(channel, 'item').concat(children(root, 'item'));
  const link = firstText(channel, 'link');
  return {
    channel: {
      title: plainTitle(child(channel, 'title')),
      link,
      language: firstText(channel, 'language') ?? attr(channel, 'xml:lang') ?? attr(root, 'xml:lang'),
    },
    entries: items.map((item) => readItem(item, channel, root, link)),
  };
}
