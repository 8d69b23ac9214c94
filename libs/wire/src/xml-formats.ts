/**
 * The XML wire formats: one entry per format, plus a dispatcher by root
 * element for callers that already know the bytes are XML but not which kind.
 * All are pure: text in, DraftArticle[] out, or a WireError saying why not.
 */
import type { DraftArticle } from '#contracts';
import { WireError } from './errors.js';
import { parseNewsMl1 } from './newsml1/parse-newsml1.js';
import { parseNewsMlG2 } from './newsmlg2/parse-newsmlg2.js';
import { parseNitf } from './nitf/parse-nitf.js';
import type { WireParseOptions } from './xml/draft-article.js';

export { parseNewsMl1 } from './newsml1/parse-newsml1.js';
export { parseNewsMlG2 } from './newsmlg2/parse-newsmlg2.js';
export { parseNitf } from './nitf/parse-nitf.js';
export type { WireParseOptions } from './xml/draft-article.js';

export type XmlWireFormat = 'newsml-g2' | 'nitf' | 'newsml-1';

/** G2 roots we route to the G2 parser (it explains why non-news items are refused). */
const G2_ROOTS = new Set(['newsMessage', 'newsItem', 'packageItem', 'conceptItem', 'knowledgeItem', 'planningItem', 'catalogItem', 'catalog']);

/**
 * Which XML wire format a document is, from its root element's local name,
 * found with a cheap scan of the prolog (no full parse), or undefined.
 */
export function detectXmlWireFormat(xml: string): XmlWireFormat | undefined {
  const root = rootElementName(xml);
  if (root === undefined) return undefined;
  if (G2_ROOTS.has(root)) return 'newsml-g2';
  if (root === 'nitf') return 'nitf';
  if (root === 'NewsML') return 'newsml-1';
  return undefined;
}

const PARSERS: Record<XmlWireFormat, (xml: string, options: WireParseOptions) => DraftArticle[]> = {
  'newsml-g2': parseNewsMlG2,
  nitf: parseNitf,
  'newsml-1': parseNewsMl1,
};

/** Parses any of the XML wire formats; 'unsupported-format' for other XML (RSS, Atom, proprietary). */
export function parseXmlWire(xml: string, options: WireParseOptions): DraftArticle[] {
  const format = detectXmlWireFormat(xml);
  if (!format) {
    const root = rootElementName(xml);
    throw new WireError('unsupported-format', root ? `<${root}> is not NewsML-G2, NITF or NewsML 1.2` : 'No XML root element found', { root });
  }
  return PARSERS[format](xml, options);
}

/** Local name of the first element after the XML declaration, comments, PIs and DOCTYPE. */
export function rootElementName(xml: string): string | undefined {
  const withoutProlog = xml.replace(/^(?:\uFEFF|\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>)*/, '');
  const match = /^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(withoutProlog);
  return match?.[2];
}
