/** Adult silent reading speed commonly used by news sites. */
const WORDS_PER_MINUTE = 230;
const MAX_SLUG_LENGTH = 80;

/** Words as whitespace-separated runs holding a letter or digit (so "—" and "»" do not count). */
export function countWords(text: string): number {
  let count = 0;
  for (const chunk of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(chunk)) count++;
  return count;
}

/** Whole minutes, at least 1 for any non-empty text (a "0 min read" label looks broken). */
export function readingTimeMinutes(wordCount: number): number {
  return wordCount === 0 ? 0 : Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}

/** ASCII, lower-case, hyphen-separated; cut at a word boundary so URLs stay readable. */
export function slugify(headline: string): string {
  const ascii = headline
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/['’]/g, '-')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= MAX_SLUG_LENGTH) return ascii;
  const cut = ascii.slice(0, MAX_SLUG_LENGTH + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : cut.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '');
}
