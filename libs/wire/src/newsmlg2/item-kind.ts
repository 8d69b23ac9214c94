import { attr, path, type XmlElement } from '../xml/xml-tree.js';

/** G2 item elements, by what they carry. Only newsItems of class text are articles. */
const NON_NEWS_ITEMS: Record<string, string> = {
  conceptItem: 'a concept item (a controlled-vocabulary entry, not news copy)',
  knowledgeItem: 'a knowledge item (a set of concepts, not news copy)',
  planningItem: 'a planning item (coverage planning, not news copy)',
  catalogItem: 'a catalog item (scheme aliases, not news copy)',
  catalog: 'a catalog of schemes, not a news item',
};

export function describeNonNewsItem(rootName: string): string | undefined {
  return NON_NEWS_ITEMS[rootName];
}

/** The item class's local code: "text" for ninat:text and icls:text, "picture", "video", "composite"... */
export function itemClassOf(item: XmlElement): string | undefined {
  const itemClass = path(item, 'itemMeta', 'itemClass');
  const code = attr(itemClass, 'qcode') ?? attr(itemClass, 'uri');
  return code?.split(/[:/#]/).pop()?.toLowerCase() || undefined;
}

export function isTextItem(item: XmlElement): boolean {
  const itemClass = itemClassOf(item);
  return itemClass === undefined || itemClass === 'text';
}
