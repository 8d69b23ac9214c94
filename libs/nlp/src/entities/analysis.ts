import { findShouted, type TagContext } from './context.js';
import { extractFeatures, type TokenFeatures } from './features.js';
import type { Lexicon } from './lexicon.js';
import { tokenize } from './tokenize.js';

/** Tokens and lexicon context of one text, as the model and the resolution steps see it. */
export function buildContext(lexicon: Lexicon, text: string, language: string, keepListMatch?: () => boolean): TagContext {
  const tokens = tokenize(text, (word) => lexicon.surfaces.has(word));
  return {
    source: text,
    language,
    tokens,
    lexicon,
    commonWords: lexicon.commonWords.get(language),
    shouted: findShouted(text, tokens),
    matches: new Map(),
    ...(keepListMatch ? { keepListMatch } : {}),
  };
}

export interface AnalysedText {
  ctx: TagContext;
  features: TokenFeatures[];
}

/** What training and tagging both compute from raw text: the same tokens, the same features. */
export function analyse(lexicon: Lexicon, text: string, language: string, keepListMatch?: () => boolean): AnalysedText {
  const ctx = buildContext(lexicon, text, language, keepListMatch);
  return { ctx, features: extractFeatures(ctx) };
}
