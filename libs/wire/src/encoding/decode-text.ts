import iconv from 'iconv-lite';
import type { CharsetChoice } from '#contracts';
import { WireError } from '../errors.js';
import { charsetFromContentType, charsetFromHtmlMeta, charsetFromXmlDeclaration, isLatinSingleByte, isUtf16Label, isUtf8Label } from './charset.js';
import { charsetCandidates } from './detect-charset.js';
import { repairDoubleEncodedUtf8 } from './repair-mojibake.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Used when bytes are not UTF-8 and nothing usable is declared or detected: it is what ISO-8859-1 means on the web (WHATWG) and it decodes every byte. */
const RECOVERY_CHARSET = 'windows-1252';

/** Below this the detector is guessing: declared-UTF-8 bytes that are not UTF-8 are then refused rather than decoded by a guess. */
const CONFIDENT = 0.3;

/** The text, the charset it was decoded with, and how that charset was chosen. */
export interface DecodedText {
  text: string;
  charset: string;
  from: CharsetChoice;
  /** The detector's confidence, when the charset was detected. */
  confidence?: number;
}

interface Declared {
  charset: string;
  from: CharsetChoice;
}

/**
 * Bytes to a JS string, the way wire copy really arrives: BOM first, then the
 * transport's charset, then the XML or HTML declaration, then statistical
 * detection. UTF-8 bytes win over a single-byte declaration (agencies often
 * label UTF-8 as ISO-8859-1); bytes declared UTF-8 that are not are decoded by
 * detection when the detector is confident, else refused (`invalid-encoding`).
 * Text double-encoded upstream is repaired.
 */
export function decodeWire(bytes: Uint8Array, contentType?: string): DecodedText {
  const bom = decodeByBom(bytes);
  if (bom) return { ...bom, text: repairDoubleEncodedUtf8(bom.text) };
  const declared = declaredCharset(bytes, contentType);
  const decoded = declared ? decodeDeclared(bytes, declared) : decodeUndeclared(bytes);
  return { ...decoded, text: repairDoubleEncodedUtf8(stripBom(decoded.text)) };
}

/** decodeWire's text alone. */
export function decodeText(bytes: Uint8Array, contentType?: string): string {
  return decodeWire(bytes, contentType).text;
}

function declaredCharset(bytes: Uint8Array, contentType: string | undefined): Declared | undefined {
  const transport = charsetFromContentType(contentType);
  if (transport) return { charset: transport, from: 'transport' };
  const inline = charsetFromXmlDeclaration(bytes) ?? charsetFromHtmlMeta(bytes);
  if (inline) return { charset: inline, from: 'declaration' };
  const utf16 = sniffUtf16(bytes);
  return utf16 ? { charset: utf16, from: 'detection' } : undefined;
}

function decodeDeclared(bytes: Uint8Array, declared: Declared): DecodedText {
  const { charset, from } = declared;
  if (isUtf16Label(charset)) return { text: iconv.decode(bytes, charset), charset, from };
  const utf8 = tryUtf8(bytes);
  if (utf8 !== undefined) {
    if (isUtf8Label(charset)) return { text: utf8, charset, from };
    // A single-byte label over valid multibyte UTF-8 is a mislabel: such bytes practically never happen by accident.
    if (/[^\u0000-\u007f]/.test(utf8)) return { text: utf8, charset: 'utf-8', from: 'detection', confidence: 1 };
  }
  if (isUtf8Label(charset)) return decodeMislabelledUtf8(bytes, from);
  if (!iconv.encodingExists(charset)) return decodeUndeclared(bytes);
  return { text: iconv.decode(bytes, isLatinSingleByte(charset) ? RECOVERY_CHARSET : charset), charset, from };
}

/** Declared UTF-8, not UTF-8: a confident detection decodes it, anything less is refused. */
function decodeMislabelledUtf8(bytes: Uint8Array, from: CharsetChoice): DecodedText {
  const guess = charsetCandidates(bytes)[0];
  const usable = guess && guess.charset !== 'utf-8' && guess.confidence >= CONFIDENT;
  if (usable) return decodeDetected(bytes, guess.charset, guess.confidence);
  const where = from === 'transport' ? 'the Content-Type' : 'the document';
  const best = !guess
    ? ''
    : guess.charset === 'utf-8'
      ? '; they look like UTF-8 with broken sequences'
      : `; the best guess, ${guess.charset}, has a confidence of only ${guess.confidence.toFixed(2)}`;
  throw new WireError('invalid-encoding', `${where} declares UTF-8 but the bytes are not valid UTF-8${best}`, {
    declared: 'utf-8',
    ...(guess ? { detected: guess.charset, confidence: guess.confidence } : {}),
  });
}

/** Nothing declared: UTF-8 when the bytes are UTF-8 (the default of XML and JSON), else what the detector says. */
function decodeUndeclared(bytes: Uint8Array): DecodedText {
  const utf8 = tryUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, charset: 'utf-8', from: 'default' };
  // A handful of high bytes is too little to tell one charset from another: the web's default is as good a guess, and costs nothing.
  if (highBytes(bytes) < MIN_DETECTABLE) return { text: iconv.decode(bytes, RECOVERY_CHARSET), charset: RECOVERY_CHARSET, from: 'default' };
  // Nearly-UTF-8 bytes are read by the best other candidate: undeclared copy is decoded, never refused.
  const guess = charsetCandidates(bytes).find((candidate) => candidate.charset !== 'utf-8');
  if (guess) return decodeDetected(bytes, guess.charset, guess.confidence);
  return { text: iconv.decode(bytes, RECOVERY_CHARSET), charset: RECOVERY_CHARSET, from: 'default' };
}

/** Fewer non-ASCII bytes than this, and an undeclared document is not worth a detection. */
const MIN_DETECTABLE = 8;

function highBytes(bytes: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < bytes.length && count < MIN_DETECTABLE; i++) if (bytes[i] >= 0x80) count++;
  return count;
}

function decodeDetected(bytes: Uint8Array, charset: string, confidence: number): DecodedText {
  return { text: iconv.decode(bytes, isLatinSingleByte(charset) ? RECOVERY_CHARSET : charset), charset, from: 'detection', confidence };
}

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeByBom(bytes: Uint8Array): DecodedText | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const utf8 = tryUtf8(bytes.subarray(3));
    return utf8 !== undefined ? { text: utf8, charset: 'utf-8', from: 'bom' } : decodeMislabelledUtf8(bytes.subarray(3), 'bom');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), charset: 'utf-16le', from: 'bom' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), charset: 'utf-16be', from: 'bom' };
  return undefined;
}

/** BOM-less UTF-16 XML still starts with "<?" or "<" and a zero byte beside it. */
function sniffUtf16(bytes: Uint8Array): string | undefined {
  if (bytes.length < 4) return undefined;
  if (bytes[0] === 0x3c && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) return 'utf-16le';
  if (bytes[0] === 0 && bytes[1] === 0x3c && bytes[2] === 0 && bytes[3] !== 0) return 'utf-16be';
  return undefined;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
