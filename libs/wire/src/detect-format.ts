import { WireError } from './errors.js';
import { FEED_ROOTS } from './feeds/parse-feed.js';
import { looksLikeEmail } from './email/parse-email.js';
import { hasWireEnvelope, splitEnvelope } from './iptc7901/envelope.js';
import { type XmlWireFormat, detectXmlWireFormat, rootElementName } from './xml-formats.js';

export type WireFormat = XmlWireFormat | 'rss' | 'atom' | 'ninjs' | 'iptc7901' | 'anpa1312' | 'email' | 'plain-text';

/** Media types no text parser should see, whatever the bytes look like. */
const NOT_TEXT = /^(image|audio|video|font)\/|^application\/(pdf|zip|gzip|x-tar|msword|vnd\.openxmlformats)/;
/**
 * Characters no text page contains: the C0 controls other than tab, line breaks
 * and form feed. Checked after the envelope sniff, so SOH here is an envelope
 * without its STX, not a 7901 message.
 */
const BINARY = /[\x00-\x08\x0e-\x1f]/;
/** Top-level properties only a ninjs item has (any version). */
const NINJS_KEYS = ['uri', 'standard', '$standard', 'headline', 'headlines', 'body_html', 'body_text', 'bodies'];

type Declared = 'json' | 'xml' | 'text' | 'binary' | 'unknown';

function declaredKind(contentType: string | undefined): Declared {
  const type = contentType?.split(';')[0].trim().toLowerCase() ?? '';
  if (NOT_TEXT.test(type)) return 'binary';
  if (/[/+]json$/.test(type)) return 'json';
  if (/[/+]xml$/.test(type)) return 'xml';
  if (type.startsWith('text/')) return 'text';
  return 'unknown';
}

function isJsonSchema(value: Record<string, unknown>): boolean {
  return typeof value.$schema === 'string' && /json-schema\.org/.test(value.$schema);
}

/** A JSON document is ninjs when its item (or first batch item) has a ninjs property and is not a schema. */
function jsonFormat(text: string, declared: Declared): WireFormat {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // A text page may well open with "[": only what was not declared as text is broken JSON, reported by the ninjs parser.
    return declared === 'text' ? 'plain-text' : 'ninjs';
  }
  const item = Array.isArray(value) ? value[0] : value;
  if (typeof item !== 'object' || item === null) {
    throw new WireError('unsupported-format', 'JSON document holds no object: not ninjs');
  }
  const record = item as Record<string, unknown>;
  if (isJsonSchema(record)) throw new WireError('unsupported-format', 'The JSON document is a JSON Schema, not a news item');
  if (!NINJS_KEYS.some((key) => key in record)) {
    const keys = Object.keys(record).slice(0, 5).join(', ');
    throw new WireError('unsupported-format', `JSON without any ninjs property (found ${keys}): not ninjs`, { keys });
  }
  return 'ninjs';
}

function xmlFormat(text: string): WireFormat {
  const wire = detectXmlWireFormat(text);
  if (wire) return wire;
  const root = rootElementName(text);
  if (root === undefined) throw new WireError('empty-document', 'The XML document has no root element');
  if (root === 'feed') return 'atom';
  if (FEED_ROOTS.has(root)) return 'rss';
  const supported = 'NewsML-G2, NITF, NewsML 1.2, RSS, Atom';
  throw new WireError('unsupported-format', `<${root}> is not a supported XML format (${supported})`, { root });
}

/**
 * Which parser a document goes to. The content is sniffed first (an agency
 * envelope, JSON, markup); the Content-Type only decides what the content
 * cannot: plain text that was declared JSON or XML is broken JSON or XML, not
 * a text page, and a declared image is never read as text.
 */
export function detectFormat(text: string, contentType?: string): WireFormat {
  const declared = declaredKind(contentType);
  if (declared === 'binary') throw new WireError('unsupported-format', `Content-Type ${contentType} is not a text format`);
  if (hasWireEnvelope(text)) return splitEnvelope(text)?.anpa ? 'anpa1312' : 'iptc7901';
  const start = text.trimStart();
  if (start === '') throw new WireError('empty-document', 'The document is empty');
  if (start.startsWith('{') || start.startsWith('[')) return jsonFormat(start, declared);
  if (start.startsWith('<')) return xmlFormat(start);
  if (looksLikeEmail(start, contentType)) return 'email';
  if (declared === 'json') return 'ninjs';
  if (declared === 'xml') {
    throw new WireError('malformed-xml', `Declared ${contentType} but the content does not start with markup`);
  }
  if (BINARY.test(start.slice(0, 4096))) {
    throw new WireError('unsupported-format', 'Control characters in text that is neither JSON, XML nor an SOH…STX envelope');
  }
  return 'plain-text';
}
