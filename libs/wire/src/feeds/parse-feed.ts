import { WireError } from '../errors.js';
import { type ParsedItems, collectItems } from '../draft/parse-result.js';
import type { WireParseOptions } from '../xml/draft-article.js';
import type { XmlElement } from '../xml/xml-tree.js';
import { readAtom } from './atom.js';
import type { FeedReading } from './feed-entry.js';
import { feedArticle } from './feed-article.js';
import { parseFeedXml } from './feed-xml.js';
import { readRss } from './rss.js';

/** The root elements of the feed formats we read. */
export const FEED_ROOTS = new Set(['rss', 'RDF', 'feed']);

function readFeed(root: XmlElement): FeedReading {
  if (root.name === 'feed') return readAtom(root);
  if (root.name === 'rss' || root.name === 'RDF') return readRss(root);
  throw new WireError('unsupported-format', `<${root.qname}> is not an RSS or Atom feed`, { root: root.qname });
}

/**
 * An RSS 2.0 / 0.9x, RSS 1.0 (RDF) or Atom 1.0 feed → one article per item.
 * Items without any text are skipped with the reason; a feed without items is
 * a valid, empty poll.
 */
export function parseFeed(text: string, opts: WireParseOptions): ParsedItems {
  const { doc } = parseFeedXml(text);
  const { channel, entries } = readFeed(doc.root);
  return collectItems(entries, (entry) => feedArticle(entry, channel, opts), opts.maxItems);
}
