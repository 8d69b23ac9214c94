import type { DraftArticle } from '#contracts';
import { WireError } from '../errors.js';
import { liftBodyByline } from '../html/body.js';
import { mergeFields, toDraftArticle, type WireParseOptions } from '../xml/draft-article.js';
import { sourceName } from '../xml/field-values.js';
import { parseXml } from '../xml/parse-xml.js';
import { children, path, text, type XmlElement } from '../xml/xml-tree.js';
import { contentItemFields, storyContentItem } from './news-component.js';
import { newsItemFields, providerOf } from './newsml1-meta.js';

/** NewsML 1.2 (AFP, Business Wire, ANA): one article per NewsItem that holds text. */
export function parseNewsMl1(xml: string, options: WireParseOptions): DraftArticle[] {
  const { root } = parseXml(xml);
  const newsItems = newsItemsOf(root);
  const articles = newsItems.flatMap((item) => newsItemArticle(item, options) ?? []);
  if (articles.length === 0) {
    throw new WireError('no-text-item', `None of the ${newsItems.length} NewsItem(s) carries text content (photos, video or references only)`);
  }
  return articles;
}

function newsItemsOf(root: XmlElement): XmlElement[] {
  if (root.name === 'NewsItem') return [root];
  if (root.name !== 'NewsML') {
    throw new WireError('unsupported-format', `Expected a NewsML 1.x document (<NewsML>), found <${root.qname}>`, { root: root.qname });
  }
  const items = children(root, 'NewsItem');
  if (items.length === 0) throw new WireError('empty-document', 'The NewsML document carries no NewsItem');
  return items;
}

function newsItemArticle(newsItem: XmlElement, options: WireParseOptions): DraftArticle | undefined {
  const contentItem = storyContentItem(newsItem);
  if (!contentItem) return undefined;
  const provider = providerOf(newsItem);
  const by = provider ?? 'wire';
  const fields = liftBodyByline(mergeFields(newsItemFields(newsItem, by), contentItemFields(contentItem, by)));
  const id = text(path(newsItem, 'Identification', 'NewsIdentifier', 'PublicIdentifier')) || '(no identifier)';
  return toDraftArticle({ ...fields, source: sourceName(provider), provider }, options, `NewsItem ${id}`);
}
