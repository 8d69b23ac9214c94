import type { DraftArticle } from '#contracts';
import { WireError } from '../errors.js';
import { liftBodyByline } from '../html/body.js';
import { mergeFields, toDraftArticle, type WireParseOptions } from '../xml/draft-article.js';
import { sourceName } from '../xml/field-values.js';
import { parseXml } from '../xml/parse-xml.js';
import { attr, child, children, type XmlElement } from '../xml/xml-tree.js';
import { itemContentFields } from './item-content.js';
import { describeNonNewsItem, isTextItem, itemClassOf } from './item-kind.js';
import { itemMetaFields, providerOf } from './item-meta.js';

type ItemOutcome = { article: DraftArticle } | { error: WireError };

/**
 * NewsML-G2: a newsItem, a packageItem, or a newsMessage carrying several.
 * Every text newsItem becomes one article; when there is none, the error says
 * what the document held instead (pictures, a package of references, a concept...).
 */
export function parseNewsMlG2(xml: string, options: WireParseOptions): DraftArticle[] {
  const { root } = parseXml(xml);
  const items = itemsOf(root);
  const outcomes = items.map((item) => itemOutcome(item, options));
  const articles = outcomes.flatMap((o) => ('article' in o ? [o.article] : []));
  if (articles.length > 0) return articles;
  throw mostSpecificError(outcomes.map((o) => ('error' in o ? o.error : undefined)).filter((e) => e !== undefined));
}

/** The G2 items a document holds: itself, or a newsMessage's itemSet. */
function itemsOf(root: XmlElement): XmlElement[] {
  if (root.name === 'newsMessage') {
    const items = children(child(root, 'itemSet'));
    if (items.length === 0) throw new WireError('empty-document', 'The newsMessage carries no items');
    return items;
  }
  const nonNews = describeNonNewsItem(root.name);
  if (nonNews) throw new WireError('no-text-item', `The document is ${nonNews}`, { root: root.name });
  if (root.name === 'newsItem' || root.name === 'packageItem') return [root];
  throw new WireError('unsupported-format', `<${root.qname}> is not a NewsML-G2 item or newsMessage (a fragment or another format)`, {
    root: root.qname,
  });
}

function itemOutcome(item: XmlElement, options: WireParseOptions): ItemOutcome {
  try {
    return { article: itemToArticle(item, options) };
  } catch (error) {
    if (error instanceof WireError) return { error };
    throw error;
  }
}

function itemToArticle(item: XmlElement, options: WireParseOptions): DraftArticle {
  const guid = attr(item, 'guid') ?? '(no guid)';
  if (item.name === 'packageItem') {
    throw new WireError('no-text-item', `packageItem ${guid} only references its items; no text item is included inline`, { guid });
  }
  const nonNews = describeNonNewsItem(item.name);
  if (nonNews || item.name !== 'newsItem') throw new WireError('no-text-item', `Item ${guid} is ${nonNews ?? `<${item.name}>`}`, { guid });
  if (!child(item, 'itemMeta')) {
    throw new WireError('schema-invalid', `newsItem ${guid} has no itemMeta (required by NewsML-G2)`, { guid });
  }
  if (!isTextItem(item)) {
    throw new WireError('no-text-item', `newsItem ${guid} is a ${itemClassOf(item)} item, not text`, { guid, itemClass: itemClassOf(item) });
  }
  const provider = providerOf(item);
  const by = provider ?? 'wire';
  const fields = liftBodyByline(mergeFields(itemMetaFields(item, by), itemContentFields(item, by)));
  return toDraftArticle({ ...fields, source: sourceName(provider), provider: provider ?? fields.provider }, options, `newsItem ${guid}`);
}

/** Among the items' errors, the one that best explains the document: a broken text item before "it was a picture". */
function mostSpecificError(errors: WireError[]): WireError {
  const rank = (e: WireError): number => ['schema-invalid', 'empty-document', 'no-text-item'].indexOf(e.code);
  const sorted = [...errors].sort((a, b) => rank(a) - rank(b));
  const first = sorted[0] ?? new WireError('empty-document', 'The document carries no items');
  if (errors.length <= 1) return first;
  return new WireError(first.code, `${first.message} (and ${errors.length - 1} other item(s) without text)`, {
    ...first.details,
    items: errors.map((e) => e.message),
  });
}
