import type { CanonicalArticle, EntityTag, KeywordTag, Provenance, RejectedTag, SubjectTag, TagType, TextFacts } from '#contracts';
import { extractAmounts } from './amounts/index.js';
import { extractDates } from './dates/index.js';
import { extractKeywords } from './keywords/index.js';
import { contradictsDeclaredLanguage, createLanguageDetector, type DetectedLanguage, type LanguageDetector } from './language/index.js';
import { readingTimeMinutes, slugify, tokenize, type Token } from './text-facts/index.js';
import { createTopicClassifier, type TopicClassifier } from './topics/index.js';
import { createEntityTagger } from './entities/index.js';

/** What the entity tagger (libs/nlp/src/entities) offers: a test injects another behind it. */
export interface EntityTaggerPort {
  /** Version of the tagger's weights, recorded in the tagger id ("nlp@1.1.0+ner.<version>"). */
  readonly modelVersion?: string;
  tag(text: string, language: string): EntityTag[];
}

export interface EnricherOptions {
  /** Goes into the tagger id "nlp@<version>" recorded in provenance and facts. */
  version: string;
  /** Inject a tagger (tests) or null to skip entities; default: the one in ./entities. */
  entityTagger?: EntityTaggerPort | null;
  /** Automatic entities and topics whose confidence is below this (0–1) are not emitted; default 0. */
  minConfidence?: number;
  now?: () => Date;
}

export interface Enricher {
  readonly taggerId: string;
  /** Pure and synchronous: returns a new article, the input is not modified. */
  enrich(article: CanonicalArticle): CanonicalArticle;
}

interface Engines {
  taggerId: string;
  detector: LanguageDetector;
  topics: TopicClassifier;
  entities: EntityTaggerPort | null;
  minConfidence: number;
  now: () => Date;
}

/** Below this, fastText is guessing (very short or mixed text): leave `language` unset. */
const MIN_LANGUAGE_CONFIDENCE = 0.4;
const LANGUAGE_SAMPLE_CHARS = 300;
const LANGUAGE_CODE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** The body as every tagger sees it: tokenised once, in the language decided once. */
interface Body {
  tokens: Token[];
  language: string | undefined;
}

const isAutomatic = (tag: { provenance: Provenance }): boolean => tag.provenance.source === 'enrichment';
const kept = <T extends { provenance: Provenance }>(tags: readonly T[] | undefined): T[] => (tags ?? []).filter((t) => !isAutomatic(t));

/**
 * Keeps provider/editor tags first and untouched; adds automatic ones that say something new
 * and that no editor removed (`refused`: the keys of the tags an editor took off this list).
 */
function mergeTags<T extends { provenance: Provenance }>(
  current: readonly T[] | undefined,
  automatic: T[],
  keyOf: (tag: T) => string[],
  refused: string[],
): T[] {
  const authoritative = kept(current);
  const taken = new Set([...authoritative.flatMap(keyOf), ...refused]);
  return [...authoritative, ...automatic.filter((tag) => !keyOf(tag).some((key) => taken.has(key)))];
}

const subjectKeys = (s: SubjectTag): string[] => [s.code];
const entityKeys = (e: EntityTag): string[] => [e.id, `name:${e.name.toLowerCase()}`];
const keywordKeys = (k: KeywordTag): string[] => [k.value.toLowerCase()];

/** The keys, as the lists above compute them, of the tags of one type an editor removed. */
function refusedKeys(rejected: readonly RejectedTag[] | undefined, type: TagType): string[] {
  return (rejected ?? [])
    .filter((tag) => tag.type === type)
    .flatMap((tag) => {
      if (type === 'keyword') return [tag.id.toLowerCase()];
      if (type === 'subject') return [tag.id];
      return [tag.id, ...(tag.name ? [`name:${tag.name.toLowerCase()}`] : [])];
    });
}

function provenance(taggerId: string, confidence?: number): Provenance {
  const clamped = confidence === undefined ? undefined : Math.min(1, Math.max(0, confidence));
  return clamped === undefined ? { source: 'enrichment', by: taggerId } : { source: 'enrichment', by: taggerId, confidence: clamped };
}

function languageSample(article: CanonicalArticle): string {
  return [article.headline, article.standfirst ?? '', article.bodyText.slice(0, LANGUAGE_SAMPLE_CHARS)].join('\n').slice(0, LANGUAGE_SAMPLE_CHARS);
}

/**
 * Detection runs when the article declares no language, or declares one its letters are plainly
 * not written in; then what was measured is recorded in `facts` beside the declaration. A
 * declaration is otherwise trusted as it is: detecting only to confirm it cost a tenth of the
 * enrichment of an article.
 */
function detectLanguage(engines: Engines, article: CanonicalArticle): DetectedLanguage | undefined {
  const sample = languageSample(article);
  return !article.language || contradictsDeclaredLanguage(sample, article.language) ? engines.detector.detect(sample) : undefined;
}

function resolveLanguage(article: CanonicalArticle, detected: DetectedLanguage | undefined): string | undefined {
  if (article.language) return article.language;
  const usable = detected && detected.confidence >= MIN_LANGUAGE_CONFIDENCE && LANGUAGE_CODE.test(detected.code);
  return usable ? detected.code : undefined;
}

function autoSubjects(engines: Engines, article: CanonicalArticle, body: Body): SubjectTag[] {
  const knownCodes = kept(article.subjects).map((s) => s.code);
  const topics = engines.topics.classify({
    headline: article.headline,
    lead: article.standfirst,
    text: article.bodyText,
    tokens: body.tokens,
    language: body.language,
    section: article.section,
    knownCodes,
  });
  // A topic's score is its share of the evidence, not a calibrated probability: the threshold
  // drops weak secondary topics but never the primary one, or most articles would have none.
  return topics
    .filter((t, i) => i === 0 || t.score >= engines.minConfidence)
    .map((t) => ({ code: t.code, scheme: 'medtop', name: t.name, score: t.score, provenance: provenance(engines.taggerId, t.score) }));
}

/**
 * Headline and body are tagged as one text, headline, blank line, body, as the model was trained
 * on news: a name in the headline is typed with what the body says of it. Each mention then says
 * which of the two its offsets point into.
 */
function autoEntities(engines: Engines, article: CanonicalArticle, language: string | undefined): Record<EntityTag['type'], EntityTag[]> {
  const byType: Record<EntityTag['type'], EntityTag[]> = { person: [], organisation: [], place: [] };
  const headline = article.headline.replace(/\s+/g, ' ').trim();
  const bodyStart = headline ? headline.length + 2 : 0;
  const text = headline ? `${headline}\n\n${article.bodyText}` : article.bodyText;
  for (const tag of engines.entities?.tag(text, language ?? 'und') ?? []) {
    if ((tag.provenance?.confidence ?? 1) < engines.minConfidence) continue;
    const mentions = tag.mentions.map((m) =>
      m.start < bodyStart ? { ...m, field: 'headline' as const } : { ...m, start: m.start - bodyStart, end: m.end - bodyStart },
    );
    byType[tag.type].push({ ...tag, mentions, provenance: provenance(engines.taggerId, tag.provenance?.confidence) });
  }
  return byType;
}

function autoKeywords(engines: Engines, article: CanonicalArticle, body: Body): KeywordTag[] {
  return extractKeywords(article.bodyText, { language: body.language, headline: article.headline, tokens: body.tokens }).map((k) => ({
    value: k.value,
    score: k.score,
    provenance: provenance(engines.taggerId, k.score),
  }));
}

function facts(engines: Engines, article: CanonicalArticle, body: Body, detected: DetectedLanguage | undefined): TextFacts {
  const wordCount = body.tokens.length;
  return {
    ...(detected ? { language: { code: detected.code, confidence: Math.round(detected.confidence * 1000) / 1000 } } : {}),
    wordCount,
    readingTimeMinutes: readingTimeMinutes(wordCount),
    slug: slugify(article.headline),
    tagger: engines.taggerId,
    enrichedAt: engines.now().toISOString(),
  };
}

/**
 * One pass over an article. Amounts and dates carry offsets into bodyText; entity mentions into
 * bodyText or, marked `field: 'headline'`, into the headline.
 */
function enrichWith(engines: Engines, article: CanonicalArticle): CanonicalArticle {
  const detected = detectLanguage(engines, article);
  const language = resolveLanguage(article, detected);
  // Taggers key their tables on the bare language ("fr-CA" reads as French).
  const body: Body = { tokens: tokenize(article.bodyText), language: language?.split('-')[0].toLowerCase() };
  const entities = autoEntities(engines, article, body.language);
  const reference = new Date(article.firstCreated ?? article.versionCreated);
  return {
    ...article,
    ...(language ? { language } : {}),
    subjects: mergeTags(article.subjects, autoSubjects(engines, article, body), subjectKeys, refusedKeys(article.rejectedTags, 'subject')),
    people: mergeTags(article.people, entities.person, entityKeys, refusedKeys(article.rejectedTags, 'person')),
    organisations: mergeTags(article.organisations, entities.organisation, entityKeys, refusedKeys(article.rejectedTags, 'organisation')),
    places: mergeTags(article.places, entities.place, entityKeys, refusedKeys(article.rejectedTags, 'place')),
    keywords: mergeTags(article.keywords, autoKeywords(engines, article, body), keywordKeys, refusedKeys(article.rejectedTags, 'keyword')),
    amounts: extractAmounts(article.bodyText, body.language),
    dates: extractDates(article.bodyText, reference, body.language, body.tokens),
    facts: facts(engines, article, body, detected),
  };
}

/** Loads every model and table once (fastText, Media Topics, lexicons); enrich() then does no I/O. */
export async function createEnricher(options: EnricherOptions): Promise<Enricher> {
  const base = `nlp@${options.version}`;
  const [detector, entities] = await Promise.all([
    createLanguageDetector(),
    options.entityTagger !== undefined ? Promise.resolve(options.entityTagger) : Promise.resolve(createEntityTagger({ taggerId: base })),
  ]);
  // The weights' version goes with every tag, so a store can tell which model tagged an article.
  const taggerId = entities?.modelVersion ? `${base}+ner.${entities.modelVersion}` : base;
  const minConfidence = options.minConfidence ?? 0;
  const engines: Engines = { taggerId, detector, topics: createTopicClassifier(), entities, minConfidence, now: options.now ?? (() => new Date()) };
  return { taggerId, enrich: (article) => enrichWith(engines, article) };
}
