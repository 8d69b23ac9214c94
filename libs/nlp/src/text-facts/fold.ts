/**
 * Lower-case, accent-free copy of a text with the SAME length, so offsets found in the
 * folded text are offsets in the original. One table lookup per character: String.normalize
 * per word cost more than the rest of the tagging.
 */
const TABLE_SIZE = 0x0530; // Latin, Latin Extended, IPA, Greek, Cyrillic, Armenian start
const table: string[] = [];
for (let code = 0; code < TABLE_SIZE; code++) {
  const lower = String.fromCharCode(code).toLowerCase();
  const base = lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  table.push(base.length === 1 ? base : lower.length === 1 ? lower : String.fromCharCode(code));
}

function foldChar(char: string, code: number): string {
  if (code < TABLE_SIZE) return table[code];
  if (code === 0x2019) return "'";
  const lower = char.toLowerCase();
  return lower.length === 1 ? lower : char;
}

export function foldText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldChar(text[i], text.charCodeAt(i));
  return out;
}

/** Case- and accent-insensitive form used for lexicon matching (keywords keep the accents). */
export const foldWord = foldText;
