/**
 * Whether a text plainly is not in the language it declares, judged by writing system alone:
 * a declaration is trusted (no detection run) unless most letters of the text are in a script
 * the language is not written in, say Cyrillic declared as English. Counting letters by script
 * costs a fraction of a language detection, and a mistake it cannot see (French declared as
 * English) is one detection could only report, not correct: the declaration wins either way.
 */

/** Writing systems written with more than one Unicode script (CLDR's likely script → Unicode scripts). */
const COMPOSITE_SCRIPTS: Record<string, string[]> = {
  Hans: ['Han'],
  Hant: ['Han'],
  Jpan: ['Hiragana', 'Katakana', 'Han'],
  Kore: ['Hangul', 'Han'],
};

const LETTER = /\p{L}/gu;
const scriptPatterns = new Map<string, RegExp | null>();

/** Letters of the language's likely script, or null when the language or its script is unknown here. */
function scriptLetters(language: string): RegExp | null {
  const known = scriptPatterns.get(language);
  if (known !== undefined) return known;
  let pattern: RegExp | null = null;
  try {
    const script = new Intl.Locale(language).maximize().script;
    if (script) pattern = new RegExp(`[${(COMPOSITE_SCRIPTS[script] ?? [script]).map((s) => `\\p{Script=${s}}`).join('')}]`, 'gu');
  } catch {
    pattern = null; // not a BCP 47 tag, or a script the regular expression engine does not know
  }
  scriptPatterns.set(language, pattern);
  return pattern;
}

/** True when fewer than half of the text's letters are in the declared language's script. */
export function contradictsDeclaredLanguage(text: string, language: string): boolean {
  const inScript = scriptLetters(language);
  if (!inScript) return false;
  const letters = text.match(LETTER)?.length ?? 0;
  if (letters === 0) return false;
  return (text.match(inScript)?.length ?? 0) * 2 < letters;
}
