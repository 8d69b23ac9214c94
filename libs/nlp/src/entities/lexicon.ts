import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGazetteerLists, type GazetteerFile, type GazetteerLists } from './gazetteer-lists.js';
import type { EntityType, LexiconEntity } from './types.js';

/** The shape written by libs/nlp/scripts/build-entity-data.mjs. */
interface LexiconFile {
  version: number;
  entities: [string, string, string][];
  surfaces: Record<string, number>;
  firstNames: string[];
  demonyms: string[];
  nonEntities: string[];
}

export interface Lexicon {
  /** Exact surface form -> entity. */
  surfaces: Map<string, LexiconEntity>;
  /** Lower-cased given names. */
  firstNames: Set<string>;
  demonyms: Set<string>;
  /** Capitalised words that are never PER/ORG/LOC alone: events, awards, compass words. */
  nonEntities: Set<string>;
  /** Lower-cased everyday words per language (common-words.json, optional). */
  commonWords: Map<string, Set<string>>;
  /** First words of all surface forms and non-entities, to rule out most look-ups at once. */
  firstWords: Set<string>;
  /** Longest surface form in tokens, to bound the longest-match search. */
  maxSurfaceTokens: number;
  /** Typed name lists read as features (gazetteers.json, optional). */
  gazetteers?: GazetteerLists;
  /** Per language, lower-case word -> cluster path (word-clusters.json, optional): 6 + 2 + 2 bits. */
  clusters?: Map<string, Map<string, number>>;
}

interface ClusterFile {
  en?: Record<string, number>;
  fr?: Record<string, number>;
}

const TYPES: Record<string, EntityType> = { P: 'person', O: 'organisation', L: 'place' };

// The source tree (ts-jest, tsx) and the compiled tree (dist/) sit at different depths.
const CANDIDATES = ['../../data/', '../../../../../libs/nlp/data/'];

/** A data file of libs/nlp/data, from the source tree or from dist/. */
export function locate(file: string): string {
  for (const relative of CANDIDATES) {
    const path = fileURLToPath(new URL(relative + file, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error(`libs/nlp/data/${file} not found (entities.json: node libs/nlp/scripts/build-entity-data.mjs; ner-model.bin.gz: npm run train:ner)`);
}

function toLexicon(
  file: LexiconFile,
  commonWordLists: Record<string, string[]>,
  gazetteers: GazetteerFile | undefined,
  clusters: ClusterFile | undefined,
): Lexicon {
  const entities = file.entities.map(([code, name, qid]): LexiconEntity => ({ type: TYPES[code] ?? 'organisation', name, qid }));
  const surfaces = new Map<string, LexiconEntity>();
  let maxSurfaceTokens = 1;
  for (const [surface, index] of Object.entries(file.surfaces)) {
    const entity = entities[index];
    if (!entity) continue;
    surfaces.set(surface, entity);
    maxSurfaceTokens = Math.max(maxSurfaceTokens, surface.split(/[\s'’]+/).length + 1);
  }
  const firstWords = new Set([...surfaces.keys(), ...file.nonEntities].map((s) => s.split(' ')[0]!));
  const commonWords = new Map(Object.entries(commonWordLists).map(([lang, list]) => [lang, new Set(list)]));
  return {
    surfaces,
    firstNames: new Set(file.firstNames),
    demonyms: new Set(file.demonyms),
    nonEntities: new Set(file.nonEntities),
    firstWords,
    commonWords,
    maxSurfaceTokens,
    ...(gazetteers ? { gazetteers: buildGazetteerLists(gazetteers) } : {}),
    ...(clusters ? { clusters: new Map((['en', 'fr'] as const).map((lang) => [lang, new Map(Object.entries(clusters[lang] ?? {}))])) } : {}),
  };
}

let cached: Lexicon | undefined;

/** A JSON file beside the lexicon, when it is there. */
function readBeside<T>(lexiconPath: string, file: string): T | undefined {
  const path = join(dirname(lexiconPath), file);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : undefined;
}

/** Reads the compact lexicon once per process; later taggers share it. */
export function loadLexicon(path?: string): Lexicon {
  if (!path && cached) return cached;
  const file = path ?? locate('entities.json');
  const lexicon = toLexicon(
    JSON.parse(readFileSync(file, 'utf8')) as LexiconFile,
    readBeside<Record<string, string[]>>(file, 'common-words.json') ?? {},
    readBeside<GazetteerFile>(file, 'gazetteers.json'),
    readBeside<ClusterFile>(file, 'word-clusters.json'),
  );
  if (!path) cached = lexicon;
  return lexicon;
}
