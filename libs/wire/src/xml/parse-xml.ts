import { ALL_ENTITIES, ENTITY_ACTION, EntityDecoder } from '@nodable/entities';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { WireError } from '../errors.js';
import { stripSafeDoctype } from './doctype-guard.js';
import type { XmlDocument, XmlElement, XmlNode } from './xml-tree.js';

export * from './xml-tree.js';
export { innerXml, outerXml } from './serialize.js';

/** Deeper than any real news document; deeper than this is an attack or a broken generator. */
export const MAX_DEPTH = 200;

/** fast-xml-parser's ordered output: `{ [tag]: children, ':@'?: attrs }` or `{ '#text': string }`. */
type OrderedNode = Record<string, unknown>;

const TEXT_KEY = '#text';
const ATTRS_KEY = ':@';

// XHTML bodies use &nbsp; &eacute; &rsquo; ... without declaring them (the DTD that would is never read).
// DOCTYPE entities never reach here (refused by the guard), and are blocked again should one slip through.
const entityDecoder = new EntityDecoder({
  namedEntities: ALL_ENTITIES,
  numericAllowed: true,
  onInputEntity: () => ENTITY_ACTION.BLOCK,
});

// One instance for every call: building options is the expensive part of a small parse.
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  // Mixed content (`<p>a <b>b</b> c</p>`) needs its spaces.
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  entityDecoder,
  maxNestedTags: MAX_DEPTH,
});

/**
 * Parses XML text safely: DOCTYPE internal subsets are refused (XXE, entity
 * bombs), nesting is bounded, and malformed input is reported with its line and
 * column. Nothing is fetched or read, ever.
 */
export function parseXml(xml: string): XmlDocument {
  if (xml.trim() === '') throw new WireError('empty-document', 'The document is empty');
  const safe = stripSafeDoctype(xml);
  assertWellFormed(safe);
  const root = toTree(parseOrdered(safe));
  return { root };
}

function assertWellFormed(xml: string): void {
  const result = XMLValidator.validate(xml);
  if (result === true) return;
  const { code, msg, line, col } = result.err;
  throw new WireError('malformed-xml', `Malformed XML at line ${line}, column ${col}: ${msg}`, { code, line, column: col });
}

function parseOrdered(xml: string): OrderedNode[] {
  try {
    return parser.parse(xml) as OrderedNode[];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/nested tags/i.test(message)) {
      throw new WireError('too-deep', `Elements are nested deeper than ${MAX_DEPTH} levels`, { maxDepth: MAX_DEPTH });
    }
    if (/entit/i.test(message)) throw new WireError('entity-expansion', `Entity handling refused: ${message}`);
    throw new WireError('malformed-xml', `Malformed XML: ${message}`);
  }
}

function toTree(nodes: OrderedNode[]): XmlElement {
  const root = nodes.map((node) => toNode(node, 1)).find((node) => node?.type === 'element');
  if (!root || root.type !== 'element') throw new WireError('empty-document', 'The document has no root element');
  return root;
}

function toNode(node: OrderedNode, depth: number): XmlNode | undefined {
  if (TEXT_KEY in node) return { type: 'text', text: String(node[TEXT_KEY]) };
  const qname = Object.keys(node).find((key) => key !== ATTRS_KEY);
  // Comments and processing instructions are dropped by the parser options; anything else is unexpected.
  if (qname === undefined || qname.startsWith('?') || qname.startsWith('!')) return undefined;
  if (depth > MAX_DEPTH) throw new WireError('too-deep', `Elements are nested deeper than ${MAX_DEPTH} levels`);
  const kids = (node[qname] as OrderedNode[]).map((kid) => toNode(kid, depth + 1)).filter((kid) => kid !== undefined);
  return {
    type: 'element',
    name: qname.slice(qname.indexOf(':') + 1),
    qname,
    attrs: (node[ATTRS_KEY] as Record<string, string> | undefined) ?? {},
    children: kids,
  };
}
