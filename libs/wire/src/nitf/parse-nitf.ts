import type { DraftArticle } from '#contracts';
import { WireError } from '../errors.js';
import { liftBodyByline } from '../html/body.js';
import { toDraftArticle, type WireParseOptions } from '../xml/draft-article.js';
import { sourceName } from '../xml/field-values.js';
import { parseXml } from '../xml/parse-xml.js';
import { child } from '../xml/xml-tree.js';
import { nitfFields, nitfProvider } from './nitf-fields.js';

/** An NITF 3.x document: always exactly one article. */
export function parseNitf(xml: string, options: WireParseOptions): DraftArticle[] {
  const { root } = parseXml(xml);
  if (root.name !== 'nitf') {
    throw new WireError('unsupported-format', `Expected an NITF document (<nitf>), found <${root.qname}>`, { root: root.qname });
  }
  const provider = nitfProvider(child(root, 'head'), child(root, 'body'));
  const fields = liftBodyByline(nitfFields(root));
  return [toDraftArticle({ ...fields, source: sourceName(provider), provider: fields.provider ?? provider }, options, 'NITF document')];
}
