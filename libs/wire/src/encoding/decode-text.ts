import iconv from 'iconv-lite';
import {
  charsetFromContentType,
  charsetFromXmlDeclaration,
  isLatinSingleByte,
  isUtf16Label,
  isUtf8Label,
} from './charset.js';
import { repairDoubleEncodedUtf8 } from './repair-mojibake.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Used when bytes are not UTF-8 and nothing usable is declared: it is what ISO-8859-1 means on the web (WHATWG) and it decodes every byte. */
const RECOVERY_CHARSET = 'windows-1252';

/**
 * Bytes to a JS string, the way wire copy really arrives: BOM first, then the
 * transport's charset, then the XML declaration; UTF-8 bytes win over a
 * single-byte declaration (agencies often label UTF-8 as ISO-8859-1), and
 * undeclared non-UTF-8 bytes are recovered as windows-1252, and text that was
 * double-encoded upstream is repaired. Never throws.
 */
export function decodeText(bytes: Uint8Array, contentType?: string): string {
  const bom = decodeByBom(bytes);
  if (bom !== undefined) return repairDoubleEncodedUtf8(bom);
  const declared = charsetFromContentType(contentType) ?? charsetFromXmlDeclaration(bytes) ?? sniffUtf16(bytes);
  return repairDoubleEncodedUtf8(stripBom(decodeDeclared(bytes, declared)));
}

function decodeDeclared(bytes: Uint8Array, declared: string | undefined): string {
  if (declared && isUtf16Label(declared)) return iconv.decode(bytes, declared);
  const utf8 = tryUtf8(bytes);
  if (utf8 !== undefined && (!declared || isUtf8Label(declared) || prefersUtf8Over(declared, utf8))) return utf8;
  if (declared && !isUtf8Label(declared) && iconv.encodingExists(declared)) {
    return iconv.decode(bytes, isLatinSingleByte(declared) ? RECOVERY_CHARSET : declared);
  }
  return iconv.decode(bytes, RECOVERY_CHARSET);
}

/**
 * A single-byte declaration over bytes that are valid UTF-8 *with* multibyte
 * sequences is almost always a mislabel: real Latin-1/KOI8-R/windows-125x
 * text practically never forms valid UTF-8 sequences by accident.
 */
function prefersUtf8Over(declared: string, utf8: string): boolean {
  return !isUtf16Label(declared) && /[^\u0000-\u007f]/.test(utf8);
}

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeByBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return tryUtf8(bytes.subarray(3)) ?? iconv.decode(bytes.subarray(3), RECOVERY_CHARSET);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2), 'utf-16be');
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
