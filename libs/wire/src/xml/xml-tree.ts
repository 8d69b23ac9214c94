/**
 * A small, namespace-tolerant XML tree. Element and attribute *names keep their
 * prefix* in `qname`, while `name` is the local part: wire formats are written
 * with and without prefixes (`<nitf:p>`, `<ns0:newsItem>`, default namespaces)
 * and parsers match on the local name only. Attributes are stored as written
 * (`xml:lang`, `xmlns:ns0`); `attr()` looks them up exactly first, then by
 * local name.
 */
export interface XmlElement {
  readonly type: 'element';
  /** Local name, prefix stripped ("newsItem" for `<ns0:newsItem>`). */
  readonly name: string;
  /** Name as written, prefix included. */
  readonly qname: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
}

export interface XmlText {
  readonly type: 'text';
  /** Entity-decoded character data (CDATA included). */
  readonly text: string;
}

export type XmlNode = XmlElement | XmlText;

export interface XmlDocument {
  readonly root: XmlElement;
}

export function isElement(node: XmlNode | undefined): node is XmlElement {
  return node?.type === 'element';
}

/** Child elements, all of them or those with a given local name. */
export function children(el: XmlElement | undefined, name?: string): XmlElement[] {
  if (!el) return [];
  return el.children.filter((node): node is XmlElement => isElement(node) && (name === undefined || node.name === name));
}

/** First child element with that local name. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((node): node is XmlElement => isElement(node) && node.name === name);
}

/** Follows a path of local names through first children: `path(item, 'contentMeta', 'headline')`. */
export function path(el: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let current = el;
  for (const name of names) current = child(current, name);
  return current;
}

/** Every descendant (depth-first, document order) with that local name. */
export function descendants(el: XmlElement | undefined, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (node: XmlElement): void => {
    for (const kid of node.children) {
      if (!isElement(kid)) continue;
      if (kid.name === name) found.push(kid);
      visit(kid);
    }
  };
  if (el) visit(el);
  return found;
}

/** First descendant with that local name. */
export function descendant(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return descendants(el, name)[0];
}

/** All character data below an element, whitespace collapsed and trimmed ('' when absent). */
export function text(el: XmlElement | undefined): string {
  return el ? rawText(el).replace(/\s+/g, ' ').trim() : '';
}

/**
 * Like `text`, with a space wherever an element starts or ends: metadata such
 * as `<byline>By X<byttl>AP Writer</byttl></byline>` means two words there.
 */
export function spacedText(el: XmlElement | undefined): string {
  if (!el) return '';
  const parts = el.children.map((node) => (node.type === 'text' ? node.text : ` ${spacedText(node)} `));
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** All character data below an element, as written. */
export function rawText(el: XmlElement): string {
  let out = '';
  for (const node of el.children) out += node.type === 'text' ? node.text : rawText(node);
  return out;
}

/** Attribute by exact name (`xml:lang`), else by local name (`lang` matches `xml:lang`). */
export function attr(el: XmlElement | undefined, name: string): string | undefined {
  if (!el) return undefined;
  const exact = el.attrs[name];
  if (exact !== undefined) return exact;
  for (const [key, value] of Object.entries(el.attrs)) {
    if (localName(key) === name) return value;
  }
  return undefined;
}

export function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

/** The nearest `xml:lang` on the element or one of the given ancestors (nearest first). */
export function langOf(...elements: (XmlElement | undefined)[]): string | undefined {
  for (const el of elements) {
    const lang = el?.attrs['xml:lang'];
    if (lang) return lang;
  }
  return undefined;
}
