/**
 * Plain text from *sanitised* HTML (well-formed, only the tags the sanitiser
 * allows, only the entities it emits), so a few regular expressions suffice
 * and no second HTML parse is needed.
 */
const BLOCK_TAG = /<\/?(?:p|h[1-6]|ul|ol|li|blockquote|table|thead|tbody|tfoot|tr|caption|figure|figcaption|hr|div|pre)\b[^>]*>/gi;
const LINE_BREAK = /<br\b[^>]*>/gi;
const CELL_END = /<\/t[dh]>/gi;
const ANY_TAG = /<[^>]*>/g;

export function htmlToText(html: string): string {
  // Source line breaks are just spaces in HTML; only markup makes lines. (NBSP is kept: it is meant.)
  const marked = html
    .replace(/[ \t\n\r\f]+/g, ' ')
    .replace(BLOCK_TAG, '\n')
    .replace(LINE_BREAK, '\n')
    .replace(CELL_END, ' ')
    .replace(ANY_TAG, '');
  return decodeEntities(marked)
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? entity;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}
