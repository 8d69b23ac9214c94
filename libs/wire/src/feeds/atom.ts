import { attr, child, children, text, type XmlElement } from '../xml/xml-tree.js';
import type { FeedEntry, FeedReading } from './feed-entry.js';
import { atomDocumentBase, atomLink, resolveUrl, xmlBase } from './feed-link.js';
import { atomBody, dateText, firstText, plainTitle } from './feed-text.js';

function authors(el: XmlElement): string | undefined {
  const names = children(el, 'author')
    .map((author) => firstText(author, 'name') ?? text(author))
    .filter(Boolean);
  return names.length ? names.join(', ') : undefined;
}

/** content@src points elsewhere (RFC 4287 §4.1.3.2): there is no inline content to read, the summary stands in. */
function inlineContent(entry: XmlElement) {
  const content = child(entry, 'content');
  return content && !attr(content, 'src') ? atomBody(content) : undefined;
}

/** What every entry falls back on, read once per feed: per entry, it would rescan every entry beside it (quadratic). */
interface FeedDefaults {
  documentBase: string | undefined;
  authors: string | undefined;
}

function readEntry(entry: XmlElement, feed: XmlElement, defaults: FeedDefaults): FeedEntry {
  const base = xmlBase(entry, feed) ?? defaults.documentBase;
  return {
    title: plainTitle(child(entry, 'title')),
    summary: atomBody(child(entry, 'summary')),
    content: inlineContent(entry),
    author: authors(entry) ?? defaults.authors,
    categories: children(entry, 'category')
      .map((el) => ({ term: attr(el, 'term') ?? '', scheme: attr(el, 'scheme'), label: attr(el, 'label') }))
      .filter((c) => c.term !== ''),
    id: firstText(entry, 'id'),
    link: resolveUrl(atomLink(entry), base),
    published: dateText(entry, 'published', 'issued', 'created'),
    updated: dateText(entry, 'updated', 'modified'),
    language: attr(entry, 'xml:lang'),
  };
}

/** Atom 1.0 (and the 0.3 element names still seen: issued, modified, created). */
export function readAtom(feed: XmlElement): FeedReading {
  const defaults = { documentBase: atomDocumentBase(feed), authors: authors(feed) };
  return {
    channel: {
      title: plainTitle(child(feed, 'title')),
      link: resolveUrl(atomLink(feed), xmlBase(feed) ?? atomDocumentBase(feed)),
      language: attr(feed, 'xml:lang'),
    },
    entries: children(feed, 'entry').map((entry) => readEntry(entry, feed, defaults)),
  };
}
