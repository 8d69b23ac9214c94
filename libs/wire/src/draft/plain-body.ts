import { htmlToText } from '../html/html-to-text.js';
import { textToHtml } from '../html/sanitize.js';
import type { ArticleBody } from '../xml/draft-article.js';

/**
 * Plain text to an article body without a sanitiser pass: textToHtml escapes
 * every character that could form markup, so its output is safe by
 * construction, and skipping sanitize-html's HTML parse saves most of the
 * cost of a plain-text item. Undefined when there is no text.
 */
export function plainBody(text: string): ArticleBody | undefined {
  const html = textToHtml(text);
  return html === '' ? undefined : { html, text: htmlToText(html) };
}
