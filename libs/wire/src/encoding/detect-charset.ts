import chardet from 'chardet';
import iconv from 'iconv-lite';
import { normaliseCharset } from './charset.js';

export interface CharsetGuess {
  charset: string;
  /** 0 to 1, the detector's own score. */
  confidence: number;
}

/** The detector reads the first bytes only: enough for a charset, and bounded for a large feed. */
const SAMPLE_BYTES = 16 * 1024;

/** Candidates scoring below this share of the best are not worth a decode. */
const CONTENDER_SHARE = 1 / 3;

/**
 * ICU reports an ISO-8859 part unless it sees bytes 0x80-0x9F, yet the windows
 * code page of the same script differs from it elsewhere too (Greek "Ά" is 0xA2
 * in windows-1253, 0xB6 in ISO-8859-7): both are tried.
 */
const SIBLINGS: Record<string, string> = {
  'iso-8859-2': 'windows-1250',
  'windows-1250': 'iso-8859-2',
  'iso-8859-7': 'windows-1253',
  'windows-1253': 'iso-8859-7',
  'iso-8859-9': 'windows-1254',
  'iso-8859-5': 'windows-1251',
};

/**
 * Characters that real text in the right charset practically never has: C1
 * controls, replacement characters, Latin-1 symbols glued to letters ("Al¾írsko"
 * is Czech read as Latin-1), an ideograph glued inside a Latin word ("Ameryka雟kie"
 * is Polish read as Big5), and a closing quote opening a word ("’γιος" is
 * windows-1253 read as ISO-8859-7).
 */
const IMPLAUSIBLE = new RegExp(
  [
    '[\\u0080-\\u009f\\ufffd]',
    '(?<=\\p{L})[\\u00a1-\\u00a9\\u00ac-\\u00b6\\u00b8-\\u00ba\\u00bc-\\u00bf]|[\\u00a1-\\u00a9\\u00ac-\\u00b6\\u00b8-\\u00ba\\u00bc-\\u00bf](?=\\p{L})',
    '(?<=[A-Za-z\\u00c0-\\u024f])[\\u3040-\\u30ff\\u3400-\\u9fff\\uac00-\\ud7af](?=[a-z\\u00c0-\\u024f])',
    '(?<![\\p{L}\\p{N}])\\u2019(?=\\p{L})',
  ].join('|'),
  'gu',
);

function implausibility(bytes: Uint8Array, charset: string): number {
  const text = iconv.decode(bytes, charset);
  return (text.match(IMPLAUSIBLE)?.length ?? 0) / Math.max(1, text.length);
}

function decodable(name: string): string | undefined {
  const charset = normaliseCharset(name);
  return charset === 'utf-8' || (!charset.startsWith('utf-') && iconv.encodingExists(charset)) ? charset : undefined;
}

/**
 * Statistical charset detection over raw bytes (ICU's recognisers, as ported by
 * `chardet`): the candidates iconv-lite can decode, best first. The detector's
 * close contenders are decoded and re-ranked by how implausible their text is,
 * the detector's order breaking ties. Callers have already tried strict UTF-8,
 * so a UTF-8 candidate means "nearly UTF-8, with broken sequences".
 */
export function charsetCandidates(bytes: Uint8Array): CharsetGuess[] {
  const sample = bytes.length > SAMPLE_BYTES ? bytes.subarray(0, SAMPLE_BYTES) : bytes;
  const found = chardet.analyse(sample).flatMap((c) => {
    const charset = decodable(c.name);
    return charset ? [{ charset, confidence: c.confidence / 100 }] : [];
  });
  const best = found[0]?.confidence ?? 0;
  const contenders = found.filter((c) => c.confidence >= best * CONTENDER_SHARE && c.charset !== 'utf-8');
  const siblings = contenders.flatMap((c) => (SIBLINGS[c.charset] ? [{ charset: SIBLINGS[c.charset], confidence: c.confidence }] : []));
  const pool = [...contenders, ...siblings].filter((c, i, all) => all.findIndex((o) => o.charset === c.charset) === i);
  if (pool.length < 2 || found[0]?.charset === 'utf-8') return found;
  const scored = pool.map((c, order) => ({ c, order, score: implausibility(sample, c.charset) }));
  scored.sort((a, b) => a.score - b.score || a.order - b.order);
  const ranked = scored.map((s) => s.c);
  return [...ranked, ...found.filter((c) => !ranked.some((r) => r.charset === c.charset))];
}
