/**
 * The articles both systems are fed, in a fixed order: the seed page, every
 * corpus item with a real body (headline + body text as parseWire extracted
 * them), and the gold texts (fr, en, da, es, it, sv). The same mix goes to the
 * bare infrastructure and to the pipeline.
 */
import { goldTexts, seedArticle, wireFiles, type EditorArticle } from './corpus.js';

/** Shorter bodies are mostly photo captions and feed teasers: not what the desk sends. */
const MIN_BODY_CHARS = 300;

function fromCorpus(): EditorArticle[] {
  return wireFiles()
    .flatMap((file) => file.articles)
    .filter((a) => a.bodyText.length >= MIN_BODY_CHARS)
    .map((a) => ({
      headline: a.headline,
      body: a.bodyText,
      ...(a.language ? { language: a.language.slice(0, 2) } : {}),
      ...(a.section ? { section: a.section } : {}),
    }));
}

function fromGold(): EditorArticle[] {
  return goldTexts().map((g) => ({ headline: g.title, body: g.text.startsWith(g.title) ? g.text.slice(g.title.length).trim() : g.text, language: g.language }));
}

export interface ArticleMix {
  /** Each article serialised once, ready to POST. */
  bodies: string[];
  languages: Record<string, number>;
  medianBytes: number;
}

export function articleMix(): ArticleMix {
  const articles = [seedArticle(), ...fromCorpus(), ...fromGold()].filter((a) => a.headline.trim() && a.body.trim());
  const bodies = articles.map((a) => JSON.stringify(a));
  const languages: Record<string, number> = {};
  for (const a of articles) languages[a.language ?? 'und'] = (languages[a.language ?? 'und'] ?? 0) + 1;
  const sizes = bodies.map((b) => Buffer.byteLength(b)).sort((a, b) => a - b);
  return { bodies, languages, medianBytes: sizes[Math.floor(sizes.length / 2)] ?? 0 };
}
