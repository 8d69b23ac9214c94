import type { EntityTag } from '#contracts';
import type { Mention } from './types.js';
import { findChains } from './chains.js';
import { findShouted, type TagContext } from './context.js';
import { groupMentions } from './group.js';
import { loadLexicon, type Lexicon } from './lexicon.js';
import { linkMentions } from './link.js';
import { createPhraseMatcher, type PhraseMatcher } from './phrases.js';
import { resolveChain } from './resolve.js';
import { tokenize } from './tokenize.js';

export interface EntityTaggerOptions {
  /** Tagger name and version, e.g. 'nlp@1.0.0': goes into provenance.by. */
  taggerId: string;
  /** Another lexicon file (tests); defaults to libs/nlp/data/entities.json. */
  lexiconPath?: string;
}

export interface EntityTagger {
  /** Named entities of `text`; `language` is 'fr', 'en' or anything else (best effort). */
  tag(text: string, language: string): EntityTag[];
}

function buildContext(lexicon: Lexicon, text: string, language: string): TagContext {
  const tokens = tokenize(text, (word) => lexicon.surfaces.has(word));
  return {
    source: text,
    language,
    tokens,
    lexicon,
    commonWords: lexicon.commonWords.get(language),
    shouted: findShouted(text, tokens),
    matches: new Map(),
  };
}

function findMentions(ctx: TagContext, phrases: PhraseMatcher): Mention[] {
  const fixed = phrases.find(ctx.source, ctx.tokens);
  const covered = new Set<number>();
  for (const m of fixed) for (let i = m.from; i < m.to; i++) covered.add(i);
  const chained: Mention[] = [];
  let consumed = 0; // a French name may run on past its chain, over the next one
  for (const chain of findChains(ctx.source, ctx.tokens, covered)) {
    if (chain.to <= consumed) continue;
    for (const m of resolveChain(ctx, { from: Math.max(chain.from, consumed), to: chain.to })) {
      chained.push(m);
      consumed = Math.max(consumed, m.to);
    }
  }
  return [...fixed, ...chained].sort((a, b) => a.start - b.start);
}

/** Loads the lexicon once (a few hundred ms); tagging is then pure and synchronous. */
export function createEntityTagger(opts: EntityTaggerOptions): EntityTagger {
  const lexicon = loadLexicon(opts.lexiconPath);
  const phrases = createPhraseMatcher(lexicon);
  return {
    tag(text: string, language: string): EntityTag[] {
      const ctx = buildContext(lexicon, text, language);
      return groupMentions(linkMentions(findMentions(ctx, phrases)), opts.taggerId);
    },
  };
}
