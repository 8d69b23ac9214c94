/**
 * Finding and normalising the charset a document declares. Kept apart from the
 * decoding itself so detection can be reused (the feed and plain-text parsers
 * sniff HTML meta tags the same way).
 */

/** Labels that mean "one byte per character, Latin script": UTF-8 bytes declared as one of these are mislabelled more often than not. */
const LATIN_SINGLE_BYTE = new Set(['iso-8859-1', 'windows-1252', 'us-ascii', 'iso-8859-15']);

/** WHATWG aliases we see in wire copy, mapped to the name iconv-lite knows. */
const ALIASES: Record<string, string> = {
  latin1: 'iso-8859-1',
  'latin-1': 'iso-8859-1',
  'iso8859-1': 'iso-8859-1',
  'iso_8859-1': 'iso-8859-1',
  ascii: 'us-ascii',
  'us-ascii': 'us-ascii',
  cp1252: 'windows-1252',
  cp1251: 'windows-1251',
  cp1250: 'windows-1250',
  utf8: 'utf-8',
  'x-mac-roman': 'macintosh',
  koi8r: 'koi8-r',
  shift_jis: 'shift_jis',
  'x-sjis': 'shift_jis',
  big5: 'big5',
  gb18030: 'gb18030',
};

export function normaliseCharset(label: string): string {
  const lower = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  return ALIASES[lower] ?? lower;
}

export function isUtf8Label(charset: string): boolean {
  return charset === 'utf-8';
}

export function isUtf16Label(charset: string): boolean {
  return charset.startsWith('utf-16');
}

export function isLatinSingleByte(charset: string): boolean {
  return LATIN_SINGLE_BYTE.has(charset);
}

/** `text/xml; charset="ISO-8859-1"` -> 'iso-8859-1'. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const match = contentType?.match(/;\s*charset\s*=\s*("?)([^";\s]+)\1/i);
  return match ? normaliseCharset(match[2]) : undefined;
}

/**
 * The encoding pseudo-attribute of an XML declaration, read from the first bytes
 * as ASCII (every encoding we accept without a BOM is ASCII-compatible there).
 */
export function charsetFromXmlDeclaration(bytes: Uint8Array): string | undefined {
  const head = asciiHead(bytes, 512);
  const match = head.match(/^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/);
  return match ? normaliseCharset(match[1]) : undefined;
}

function asciiHead(bytes: Uint8Array, length: number): string {
  let head = '';
  const end = Math.min(bytes.length, length);
  for (let i = 0; i < end; i++) head += String.fromCharCode(bytes[i]);
  return head;
}

/** `<meta charset="...">` or `<meta http-equiv="Content-Type" content="text/html; charset=...">` in an HTML page's head. */
export function charsetFromHtmlMeta(bytes: Uint8Array): string | undefined {
  const head = asciiHead(bytes, 1024);
  const match = head.match(/<meta\s[^>]*?charset\s*=\s*["']?([A-Za-z0-9._:-]+)/i);
  return match ? normaliseCharset(match[1]) : undefined;
}
