/**
 * The taggers' cost: createEnricher from the build over the gold texts and the
 * seed, by language. Used by `npm run bench:nlp` and, for enrichMsPerArticle,
 * by `npm run bench`. Languages are left unset so detection is paid too, as
 * for an article that arrives without one.
 */
import { randomUUID } from 'node:crypto';
import { untagged } from '#contracts';
import type { CanonicalArticle } from '#contracts';
import { createEnricher, type Enricher } from '#nlp';
import { goldTexts, seedArticle } from './corpus.js';
import { timeEach, type Timing } from './cpu-timing.js';

/** "About 3 KB": the seed is 2.7 KB; the window keeps the median comparable across corpora. */
const TYPICAL_BYTES: [number, number] = [2048, 4096];

interface Sample {
  language: string;
  article: CanonicalArticle;
}

function canonical(headline: string, body: string): CanonicalArticle {
  const paragraphs = body.split('\n').filter((line) => line.trim());
  return {
    id: randomUUID(),
    source: 'bench',
    version: 1,
    headline,
    bodyHtml: paragraphs.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join(''),
    bodyText: paragraphs.join('\n'),
    pubStatus: 'usable',
    versionCreated: new Date().toISOString(),
    ...untagged(),
  };
}

function samples(): Sample[] {
  const seed = seedArticle();
  return [
    { language: 'fr', article: canonical(seed.headline, `${seed.standfirst}\n${seed.body}`) },
    ...goldTexts().map((g) => ({ language: g.language, article: canonical(g.title, g.text) })),
  ];
}

export interface NlpTimings {
  byLanguage: Record<string, Timing & { medianBytes: number }>;
  all: Timing;
  /** Median ms per article of 2-4 KB (the seed's size): enrichMsPerArticle in latest.json. */
  typical: Timing;
}

const bytesOf = (s: Sample) => Buffer.byteLength(s.article.bodyText);

export async function nlpTimings(rounds: number): Promise<NlpTimings> {
  const enricher: Enricher = await createEnricher({ version: 'bench' });
  const all = samples();
  const enrich = (s: Sample) => enricher.enrich(s.article);
  const byLanguage: NlpTimings['byLanguage'] = {};
  for (const language of [...new Set(all.map((s) => s.language))].sort()) {
    const group = all.filter((s) => s.language === language);
    const sizes = group.map(bytesOf).sort((a, b) => a - b);
    byLanguage[language] = { ...timeEach(group, enrich, rounds), medianBytes: sizes[Math.floor(sizes.length / 2)]! };
  }
  const typical = all.filter((s) => bytesOf(s) >= TYPICAL_BYTES[0] && bytesOf(s) <= TYPICAL_BYTES[1]);
  return { byLanguage, all: timeEach(all, enrich, rounds), typical: timeEach(typical, enrich, rounds) };
}
