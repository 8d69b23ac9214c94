import { isElement, type XmlElement, type XmlNode } from './xml-tree.js';

/**
 * Re-serialises an element's content as markup with *local* names
 * (`<xhtml:p>` becomes `<p>`) and without namespace declarations, because what
 * consumes it is an HTML sanitiser that knows nothing about XML namespaces.
 */
const VOID_ELEMENTS = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Vocabulary mapping for formats whose body markup is HTML-like but not HTML (NITF `hl2`, `block`, `media`). */
export interface SerializeOptions {
  /** Local name -> HTML name (`hl2` -> `h2`). */
  readonly rename?: Readonly<Record<string, string>>;
  /** Elements dropped with their content (`media`: captions and references are not body text). */
  readonly drop?: ReadonlySet<string>;
}

const NO_OPTIONS: SerializeOptions = {};

export function innerXml(el: XmlElement | undefined, options: SerializeOptions = NO_OPTIONS): string {
  if (!el) return '';
  let out = '';
  for (const node of el.children) out += outerNode(node, options);
  return out;
}

export function outerXml(el: XmlElement, options: SerializeOptions = NO_OPTIONS): string {
  return outerNode(el, options);
}

function outerNode(node: XmlNode, options: SerializeOptions): string {
  if (!isElement(node)) return escapeText(node.text);
  if (options.drop?.has(node.name)) return '';
  const name = options.rename?.[node.name] ?? node.name;
  const attrs = Object.entries(node.attrs)
    .filter(([key]) => key !== 'xmlns' && !key.startsWith('xmlns:'))
    .map(([key, value]) => ` ${key}="${escapeAttr(value)}"`)
    .join('');
  // Only HTML void elements may self-close: an HTML parser reads `<p/>` as an unclosed `<p>`.
  if (VOID_ELEMENTS.has(name) && node.children.length === 0) return `<${name}${attrs}/>`;
  return `<${name}${attrs}>${innerXml(node, options)}</${name}>`;
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}
