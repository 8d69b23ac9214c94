import sanitizeHtml from 'sanitize-html';
import { WireError } from '../errors.js';
import { htmlNestingDepth, MAX_HTML_DEPTH } from './html-depth.js';
import { looksLikeHtml } from './html-elements.js';
import { htmlToText } from './html-to-text.js';

/** News structure survives; anything that can run code or pull from elsewhere does not. */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'ul',
    'ol',
    'li',
    'blockquote',
    'a',
    'strong',
    'em',
    'b',
    'i',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'caption',
    'figure',
    'figcaption',
    'img',
    'br',
    'hr',
    'span',
  ],
  allowedAttributes: { a: ['href'], img: ['src', 'alt'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
  // No javascript:, data:, vbscript: ... in links or images.
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: true,
  // Content of these is code, styling or document metadata, never body text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template', 'head', 'title', 'svg', 'math'],
  disallowedTagsMode: 'discard',
  // A 1×1 image is a tracking pixel (FeedBurner's in every Jornal de Notícias item): it loses its src, then itself.
  transformTags: { img: (tagName, attribs) => ({ tagName, attribs: isPixel(attribs) ? {} : attribs }) },
  // Agencies send empty <p/> as spacers (dpa_empty_paragraph).
  exclusiveFilter: (frame) =>
    (frame.tag === 'p' && frame.text.trim() === '' && frame.mediaChildren.length === 0) || (frame.tag === 'img' && !frame.attribs.src),
};

function isPixel(attribs: Record<string, string>): boolean {
  return Number(attribs.width) <= 1 && Number(attribs.height) <= 1 && attribs.width !== undefined && attribs.height !== undefined;
}

export interface SanitizedBody {
  /** Safe HTML for the article body. */
  html: string;
  /** Plain text: one paragraph (block) per line. */
  text: string;
}

/** Throws WireError `too-deep` for markup nested deeper than MAX_HTML_DEPTH (its sanitising cost grows with the depth). */
export function sanitizeBody(html: string): SanitizedBody {
  if (htmlNestingDepth(html) > MAX_HTML_DEPTH) {
    throw new WireError('too-deep', `HTML nested deeper than ${MAX_HTML_DEPTH} elements`, { limit: MAX_HTML_DEPTH });
  }
  const clean = tidy(sanitizeHtml(html, OPTIONS));
  return { html: clean, text: htmlToText(clean) };
}

const BLOCK = 'p|h[1-6]|ul|ol|li|blockquote|table|thead|tbody|tfoot|tr|th|td|caption|figure|figcaption';
const SPACE_AFTER_OPEN = new RegExp(`(<(?:${BLOCK})\\b[^>]*>) `, 'g');
const SPACE_BEFORE_CLOSE = new RegExp(` (</(?:${BLOCK})>)`, 'g');
const BETWEEN_BLOCKS = new RegExp(`(</(?:${BLOCK})>|<br />|<hr />) ?(?=<)`, 'g');

/**
 * Source indentation and hard wraps mean nothing in HTML: collapse them so
 * the stored body is compact, one block per line. (No <pre> survives sanitising.)
 */
function tidy(html: string): string {
  return html
    .replace(/[ \t\n\r\f]+/g, ' ')
    .replace(SPACE_AFTER_OPEN, '$1')
    .replace(SPACE_BEFORE_CLOSE, '$1')
    .replace(BETWEEN_BLOCKS, '$1\n')
    .trim();
}

/** Far more than any article (a long one has a hundred). */
export const MAX_PARAGRAPHS = 10_000;

/**
 * Plain text to body HTML, finding paragraphs the ways wire copy marks them:
 * blank lines if there are any; else indented lines start paragraphs and the
 * lines between are hard wraps (ANSA, AP teletype); else one line, one paragraph.
 */
export function textToHtml(text: string): string {
  const paragraphs = splitParagraphs(text);
  // Refused before the per-paragraph work: no article has this many, a flood of one-letter lines does.
  if (paragraphs.length > MAX_PARAGRAPHS)
    throw new WireError('too-large', `The text has ${paragraphs.length} paragraphs; an article may have at most ${MAX_PARAGRAPHS}`, { limit: MAX_PARAGRAPHS });
  return paragraphs
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${escapeText(paragraph)}</p>`)
    .join('\n');
}

function splitParagraphs(text: string): string[] {
  const normalised = text
    .replace(/\r\n?/g, '\n')
    .replace(/^\s*\n/, '')
    .trimEnd();
  if (/\S/.test(normalised) === false) return [];
  if (/\n[ \t]*\n/.test(normalised.trim())) return normalised.split(/\n[ \t]*\n+/);
  const lines = normalised.split('\n');
  const indented = lines.slice(1).filter((line) => /^(?: {2,}|\t)\S/.test(line)).length;
  if (indented > 0 && indented < lines.length - 1) return lines.join('\n').split(/\n(?= {2,}\S|\t\S)/);
  return lines;
}

/**
 * Text content escaped for HTML: the characters that could start markup or an
 * entity. Quotes only matter inside attributes, and are left as sanitize-html
 * writes them, so a plain-text body reads the same whichever path made it.
 */
function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Bidi embeddings, overrides and isolates (they can reverse how a headline reads) and C0/C1 controls, DEL included. */
const INVISIBLE_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const LINE_CONTROLS = /[\t\n\r]+/g;

/**
 * A one-line text field (headline, byline, section) as plain text: HTML and
 * scripts in it are dropped (a <word> that is no HTML element stays a word), entities decoded, bidi overrides and control
 * characters removed (line breaks and tabs become spaces). Other text is kept as is.
 */
export function plainText(value: string): string {
  const plain = looksLikeHtml(value) ? sanitizeBody(value).text.replace(/\s*\n\s*/g, ' ') : value;
  return plain.replace(LINE_CONTROLS, ' ').replace(INVISIBLE_CONTROLS, '');
}
