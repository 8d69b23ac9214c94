import { bodyFromHtml, bodyFromPlainText, bodyFromUnlabelled, bodyFromXhtml } from '../html/body.js';
import { looksLikeHtml } from '../html/html-elements.js';
import { sanitizeBody } from '../html/sanitize.js';
import type { ArticleBody } from '../xml/draft-article.js';
import { innerXml } from '../xml/serialize.js';
import { attr, children, isElement, rawText, text, type XmlElement } from '../xml/xml-tree.js';

/**
 * The HTML an element carries: escaped or CDATA HTML arrives as text; HTML a
 * publisher forgot to escape (or wrapped in XHTML) arrives as elements.
 */
function markupOf(el: XmlElement): string {
  return el.children.some(isElement) ? innerXml(el) : rawText(el);
}

/** RSS description/content:encoded: HTML by convention, plain text when it holds no HTML element. */
export function htmlBody(el: XmlElement | undefined): ArticleBody | undefined {
  return el ? bodyFromUnlabelled(markupOf(el)) : undefined;
}

/** Atom text constructs (RFC 4287 §3.1): type="text" (default), "html" or "xhtml". */
export function atomBody(el: XmlElement | undefined): ArticleBody | undefined {
  if (!el) return undefined;
  const type = attr(el, 'type')?.toLowerCase() ?? 'text';
  if (type === 'xhtml') return bodyFromXhtml(el);
  if (type === 'html' || type.includes('html')) return bodyFromHtml(markupOf(el));
  return bodyFromPlainText(rawText(el));
}

/** A title as one line of plain text, whatever markup it came with. */
export function plainTitle(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined;
  const markup = markupOf(el);
  const plain = looksLikeHtml(markup) ? sanitizeBody(markup).text : markup;
  return plain.replace(/\s+/g, ' ').trim() || undefined;
}

/**
 * A date element's value; some CMSs wrap it in HTML5 <time datetime="…">,
 * whose attribute is the machine-readable form.
 */
export function dateText(el: XmlElement | undefined, ...names: string[]): string | undefined {
  for (const name of names) {
    for (const kid of children(el, name)) {
      const value = attr(children(kid, 'time')[0], 'datetime') ?? text(kid);
      if (value) return value;
    }
  }
  return undefined;
}

/** Text of the first child with one of the local names that has any (namespaced twins like dc:date included). */
export function firstText(el: XmlElement | undefined, ...names: string[]): string | undefined {
  for (const name of names) {
    const found = children(el, name)
      .map((kid) => text(kid))
      .find((value) => value !== '');
    if (found) return found;
  }
  return undefined;
}
