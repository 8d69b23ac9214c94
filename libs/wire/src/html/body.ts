import type { ArticleBody } from '../xml/draft-article.js';
import { innerXml, type SerializeOptions } from '../xml/serialize.js';
import { child, descendant, type XmlElement } from '../xml/xml-tree.js';
import { htmlToText } from './html-to-text.js';
import { looksLikeHtml } from './html-elements.js';
import { sanitizeBody, textToHtml } from './sanitize.js';

/**
 * Article bodies from the three shapes wire formats embed them in: an XHTML
 * document or fragment, markup that only resembles HTML (NITF), and plain text.
 * An empty body comes back as undefined so callers can tell "no body" apart.
 */
/** dpa's XHTML repeats the item metadata (time, slugline, headline) in a <header>; pages may carry nav and footer. */
const XHTML_BODY: SerializeOptions = { drop: new Set(['header', 'nav', 'footer']) };

export function bodyFromXhtml(el: XmlElement | undefined): ArticleBody | undefined {
  if (!el) return undefined;
  // A full <html> document: only its <body> is article content (never <head>/<title>).
  const content = el.name === 'html' ? (child(el, 'body') ?? el) : (descendant(el, 'body') ?? el);
  return bodyFromHtml(innerXml(content, XHTML_BODY));
}

export function bodyFromMarkup(el: XmlElement | undefined, options: SerializeOptions): ArticleBody | undefined {
  return el ? bodyFromHtml(innerXml(el, options)) : undefined;
}

export function bodyFromHtml(html: string): ArticleBody | undefined {
  const body = sanitizeBody(html);
  return body.text === '' ? undefined : body;
}

/**
 * Plain text as a body without a sanitiser pass: textToHtml escapes every
 * character that could form markup, so its output is safe by construction and
 * sanitize-html would give it back unchanged (body.spec.ts holds the two equal),
 * at most of the cost of a plain-text item.
 */
export function bodyFromPlainText(text: string): ArticleBody | undefined {
  const html = textToHtml(text);
  return html === '' ? undefined : { html, text: htmlToText(html) };
}

const NO_BODY: ArticleBody = { html: '', text: '' };

/** A body the sender did not label HTML or text: its content decides; undefined when empty. */
export function bodyFromUnlabelled(value: string): ArticleBody | undefined {
  return looksLikeHtml(value) ? bodyFromHtml(value) : bodyFromPlainText(value);
}

/**
 * A body that is HTML or plain text, as the sender declared it, or as its
 * content shows when the sender did not say; empty rather than absent.
 * Plain text is escaped, never parsed: every word and paragraph break stays.
 */
export function articleBody(value: string, isHtml = looksLikeHtml(value)): ArticleBody {
  return isHtml ? sanitizeBody(value) : (bodyFromPlainText(value) ?? NO_BODY);
}

/** "By Toby Davis", "By Jonathan Underhill": a short first paragraph that only names the writer. */
const BYLINE_PARAGRAPH = /^By\s+[\p{Lu}][\p{L}.'’ -]{1,60}$/u;

/**
 * Agencies often open the body with the byline (Reuters, BusinessDesk). It is
 * more specific than a generic metadata byline ("Staff Reporter"), so it
 * becomes the byline and leaves the body.
 */
export function liftBodyByline<T extends { body?: ArticleBody; byline?: string }>(fields: T): T {
  const first = fields.body?.text.split('\n', 1)[0] ?? '';
  const firstHtml = fields.body && /^<p>[^<]*<\/p>\n?/.exec(fields.body.html)?.[0];
  if (!fields.body || !firstHtml || !BYLINE_PARAGRAPH.test(first)) return fields;
  const html = fields.body.html.slice(firstHtml.length);
  const text = fields.body.text.slice(first.length).replace(/^\n/, '');
  return { ...fields, byline: first.replace(/^By\s+/, ''), body: text ? { html, text } : undefined };
}
