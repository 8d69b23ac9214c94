/**
 * The corpus (DEPECHE_CORPUS), the seed page and the gold texts (DEPECHE_EVAL_DATA), read
 * once. Wire files go through the project's own parser (parseWire from the
 * build), so the articles the benches use are what ingest would make of them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseWire, type WireFormat } from '#wire';
import type { DraftArticle } from '#contracts';

/** DEPECHE_EVAL_DATA, or ../shared beside the repository whether this file runs from dist/bench (built) or bench/. */
export const SHARED = path.resolve(
  process.env.DEPECHE_EVAL_DATA ??
    [path.resolve(import.meta.dirname, '../../../shared'), path.resolve(import.meta.dirname, '../../shared')].find(existsSync) ??
    '../shared',
);
/** Agency and publisher copy: DEPECHE_CORPUS, the corpus folder of the evaluation data by default. */
export const CORPUS = path.resolve(process.env.DEPECHE_CORPUS ?? path.join(SHARED, 'corpus'));
if (!existsSync(CORPUS) || !existsSync(path.join(SHARED, 'gold'))) {
  console.error(`the benchmarks read the corpus and the gold set: point DEPECHE_CORPUS (now ${CORPUS}) and DEPECHE_EVAL_DATA (now ${SHARED}) at them`);
  process.exit(2);
}

/** Vocabularies, NER training data and schemas are not wire documents. */
const NOT_WIRE = /\/(mediatopics|ner|schema|schemas|catalog)\/|\.(md|xsd|dtd|py)$/i;

export interface WireFile {
  file: string;
  bytes: Uint8Array;
  format: WireFormat;
  articles: DraftArticle[];
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** Every corpus file the parser accepts, with what it made of it; files it rejects as a whole are left out. */
export function wireFiles(): WireFile[] {
  const receivedAt = new Date().toISOString();
  return walk(CORPUS)
    .filter((file) => !NOT_WIRE.test(file))
    .flatMap((file) => {
      const bytes = readFileSync(file);
      try {
        const { format, articles } = parseWire(bytes, undefined, { receivedAt });
        return [{ file, bytes, format, articles }];
      } catch {
        return [];
      }
    });
}

export interface GoldText {
  id: string;
  language: string;
  title: string;
  text: string;
}

export function goldTexts(): GoldText[] {
  return readFileSync(path.join(SHARED, 'gold/dev.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as GoldText);
}

export interface EditorArticle {
  headline: string;
  body: string;
  standfirst?: string;
  section?: string;
  language?: string;
}

/** The seed page as an editor submits it (README: section, headline, standfirst, body up to the teasers). */
export function seedArticle(): EditorArticle {
  const [section, headline, standfirst, ...rest] = readFileSync(path.join(SHARED, 'samples/seed-economie-fr.txt'), 'utf8').split('\n');
  const end = rest.indexOf('-');
  return { section: section!, headline: headline!, standfirst: standfirst!, body: rest.slice(0, end < 0 ? undefined : end).join('\n'), language: 'fr' };
}
