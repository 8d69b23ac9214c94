import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Concept {
  code: string;
  parent: string | null;
  top: string;
  en: string;
  fr: string | null;
  definition?: string | null;
}

export interface Vocabulary {
  concepts: Concept[];
  byCode: Map<string, Concept>;
}

// The compact file sits in libs/nlp/data; from dist/ the module is four folders deeper.
const CANDIDATES = ['../../data/mediatopics.json', '../../../../../libs/nlp/data/mediatopics.json'];

function findDataFile(): string {
  for (const candidate of CANDIDATES) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error('libs/nlp/data/mediatopics.json not found: run node libs/nlp/scripts/build-topic-data.mjs');
}

/** Reads the compact Media Topics file built by scripts/build-topic-data.mjs (never the raw IPTC dump). */
export function loadVocabulary(path = findDataFile()): Vocabulary {
  const { concepts } = JSON.parse(readFileSync(path, 'utf8')) as { concepts: Concept[] };
  return { concepts, byCode: new Map(concepts.map((c) => [c.code, c])) };
}

/** The top-level code of a Media Topic, or of a legacy subject code sharing its first two digits. */
export function topLevelOf(code: string, vocabulary: Vocabulary): string | undefined {
  const known = vocabulary.byCode.get(code);
  if (known) return known.top;
  const legacy = /^subj:(\d{2})\d{6}$/.exec(code);
  return legacy ? `medtop:${legacy[1]}000000` : undefined;
}

/** Label in French for French copy, English otherwise. */
export function labelOf(concept: Concept, language: string | undefined): string {
  return language === 'fr' && concept.fr ? concept.fr : concept.en;
}
