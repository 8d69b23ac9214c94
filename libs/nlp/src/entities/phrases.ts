import type { Lexicon } from './lexicon.js';
import type { LexiconEntity, Mention, Token } from './types.js';

/**
 * Lexicon names with lower-case words or numbers inside ("Organisation du traité de l'Atlantique
 * nord", "Cour de justice de l'Union européenne", "France 2") cannot come out of capitalised chains, so they
 * are looked up directly from their first word, longest first.
 */
export interface PhraseMatcher {
  find(source: string, tokens: readonly Token[]): Mention[];
}

interface Phrase {
  text: string;
  entity: LexiconEntity;
}

// "Cour de justice …", "France 2": a word after a blank that does not start with a capital.
const hasInnerLowerWord = (surface: string): boolean => /\s[^\p{Lu}]/u.test(surface) && /^\p{Lu}/u.test(surface);
const firstWord = (surface: string): string => surface.split(/[\s'’]/)[0]!;
const WORD_CHAR = /[\p{L}\p{N}]/u;

function indexPhrases(lexicon: Lexicon): Map<string, Phrase[]> {
  const byFirstWord = new Map<string, Phrase[]>();
  for (const [text, entity] of lexicon.surfaces) {
    if (!hasInnerLowerWord(text)) continue;
    const list = byFirstWord.get(firstWord(text)) ?? [];
    list.push({ text, entity });
    byFirstWord.set(firstWord(text), list);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.text.length - a.text.length);
  return byFirstWord;
}

function matchAt(source: string, token: Token, candidates: readonly Phrase[]): Phrase | undefined {
  return candidates.find((p) => source.startsWith(p.text, token.start) && !WORD_CHAR.test(source[token.start + p.text.length] ?? ' '));
}

export function createPhraseMatcher(lexicon: Lexicon): PhraseMatcher {
  const byFirstWord = indexPhrases(lexicon);
  return {
    find(source, tokens) {
      const out: Mention[] = [];
      for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i]!;
        const candidates = token.cap ? byFirstWord.get(token.text) : undefined;
        const phrase = candidates && matchAt(source, token, candidates);
        if (!phrase) continue;
        const end = token.start + phrase.text.length;
        let to = i + 1;
        while (to < tokens.length && tokens[to]!.start < end) to++;
        out.push({ from: i, to, start: token.start, end, text: phrase.text, type: phrase.entity.type, entity: phrase.entity, confidence: 0.9 });
        i = to - 1;
      }
      return out;
    },
  };
}
