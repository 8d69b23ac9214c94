/** Scale words and abbreviations, lower-case. "billion" is 1e12 in French (long scale). */
const SCALES_EN: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  millions: 1e6,
  mn: 1e6,
  mln: 1e6,
  m: 1e6,
  billion: 1e9,
  billions: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  trillions: 1e12,
  tn: 1e12,
};
const SCALES_FR: Record<string, number> = {
  mille: 1e3,
  k: 1e3,
  million: 1e6,
  millions: 1e6,
  m: 1e6,
  milliard: 1e9,
  milliards: 1e9,
  md: 1e9,
  mds: 1e9,
  mrd: 1e9,
  mrds: 1e9,
  billion: 1e12,
  billions: 1e12,
};

/** Every scale word of both languages, for the matching regex. */
export const SCALE_WORDS = [...new Set([...Object.keys(SCALES_EN), ...Object.keys(SCALES_FR)])];

export function scaleOf(word: string | undefined, language: string | undefined): number {
  if (!word) return 1;
  const key = word.toLowerCase();
  const table = language === 'fr' ? SCALES_FR : SCALES_EN;
  return table[key] ?? SCALES_FR[key] ?? SCALES_EN[key] ?? 1;
}

/** Small numbers written out, as in "deux milliards d'euros" or "two billion dollars". */
export const NUMBER_WORDS: Record<string, number> = {
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  douze: 12,
  quinze: 15,
  vingt: 20,
  trente: 30,
  cent: 100,
  a: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  hundred: 100,
};

const GROUP_SPACE = /[\s\u00A0\u202F]/g;

/**
 * Reads "1,234.5", "1 234,5", "1.234.567", "3.5" and "1,2": the last separator is the decimal
 * one unless it is followed by exactly three digits in a number that has several groups.
 */
export function parseNumber(raw: string): number {
  const word = NUMBER_WORDS[raw.toLowerCase()];
  if (word !== undefined) return word;
  const compact = raw.replace(GROUP_SPACE, '');
  const lastSep = Math.max(compact.lastIndexOf(','), compact.lastIndexOf('.'));
  if (lastSep < 0) return Number(compact);
  const decimals = compact.slice(lastSep + 1);
  const sepChar = compact[lastSep];
  const sameSepCount = compact.split(sepChar).length - 1;
  const isThousands = decimals.length === 3 && (sameSepCount > 1 || (sepChar === ',' && !compact.includes('.')));
  if (isThousands) return Number(compact.replace(/[.,]/g, ''));
  return Number(compact.slice(0, lastSep).replace(/[.,]/g, '') + '.' + decimals);
}
