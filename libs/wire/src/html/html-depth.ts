/** Elements with no content, and those the next sibling closes (an unclosed <p> or <li> is usual): no depth. */
const FLAT = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
]);

/** Deeper than any article needs (a few levels of lists, tables and emphasis), and cheap to sanitise. */
export const MAX_HTML_DEPTH = 256;

/**
 * How deep the elements of `html` nest, by one pass over its tags: not a parser (a tag left open counts as open
 * until the end, an attribute holding ">" ends its tag early), a bound. The sanitiser's cost grows with the depth
 * times the length, so markup nested thousands deep (150,000 <b> froze ingest for 12 s) is refused before it.
 * Stops counting once past `limit`.
 */
export function htmlNestingDepth(html: string, limit = MAX_HTML_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  for (let i = html.indexOf('<'); i >= 0 && deepest <= limit; i = html.indexOf('<', i + 1)) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      if (end < 0) break;
      i = end + 2;
      continue;
    }
    const closing = html.charCodeAt(i + 1) === 0x2f; // "/"
    const name = /^[a-zA-Z][a-zA-Z0-9-]*/.exec(html.slice(i + (closing ? 2 : 1), i + 40))?.[0]?.toLowerCase();
    const end = html.indexOf('>', i + 1);
    if (end < 0) break;
    if (name && !FLAT.has(name)) {
      if (closing) depth = Math.max(0, depth - 1);
      else if (html.charCodeAt(end - 1) !== 0x2f) deepest = Math.max(deepest, ++depth); // not self-closing
    }
    i = end;
  }
  return deepest;
}
