import iconv from 'iconv-lite';

/**
 * Repairs UTF-8 text that was decoded as windows-1252 and re-encoded as UTF-8
 * somewhere upstream ("worldâ€™s" for "world’s", seen in Business Wire
 * NewsML). Only sequences that re-encode to exactly one valid UTF-8 character
 * are replaced, and only when a document has several of them: one stray
 * "Ã©" may be meant, a pattern of them is not.
 */
const CP1252_HIGH =
  '\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178';
const SEQUENCE = new RegExp(`[\u00c2-\u00df][${CP1252_HIGH}]|[\u00e0-\u00ef][${CP1252_HIGH}]{2}|[\u00f0-\u00f4][${CP1252_HIGH}]{3}`, 'g');
const MIN_OCCURRENCES = 2;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * windows-1252 character -> byte, with the five bytes it leaves undefined
 * (0x81, 0x8D, 0x8F, 0x90, 0x9D) mapped to themselves as the WHATWG decoder
 * does: upstream mis-decoders turned them into U+0081... (the "â€\u009d" of a closing quote).
 */
const WINDOWS_1252_BYTE = new Map<string, number>(
  Array.from({ length: 0x80 }, (_, i) => {
    const byte = 0x80 + i;
    const char = iconv.decode(Buffer.from([byte]), 'windows-1252');
    return [char === '\ufffd' ? String.fromCharCode(byte) : char, byte] as [string, number];
  }),
);

function toWindows1252Bytes(sequence: string): Uint8Array {
  return Uint8Array.from([...sequence], (char) => WINDOWS_1252_BYTE.get(char) ?? char.charCodeAt(0));
}

export function repairDoubleEncodedUtf8(text: string): string {
  const matches = text.match(SEQUENCE);
  if (!matches || matches.length < MIN_OCCURRENCES) return text;
  return text.replace(SEQUENCE, (sequence) => {
    try {
      const repaired = strictUtf8.decode(toWindows1252Bytes(sequence));
      return [...repaired].length === 1 ? repaired : sequence;
    } catch {
      return sequence;
    }
  });
}
