import type { CanonicalArticle, EntityTag, SubjectTag } from '#contracts';

/** A ninjs 3.1 news item (https://iptc.org/std/ninjs/): the document consumers get. */
export type NinjsDocument = Record<string, unknown> & { uri: string };

export interface StoreFacts {
  revision: number;
}

const MEDIA_TOPIC_URI = 'http://cv.iptc.org/newscodes/mediatopic/';
const WIKIDATA_URI = 'http://www.wikidata.org/entity/';
const STANDARD = { name: 'ninjs', version: '3.1', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#' };

export const articleUri = (id: string): string => `urn:depeche:article:${id}`;
const percent = (value: number | undefined): number | undefined => (value === undefined ? undefined : Math.round(Math.min(1, Math.max(0, value)) * 100));
const isAbsoluteUri = (value: string | undefined): value is string => !!value && /^[a-z][a-z0-9+.-]*:\S+$/i.test(value) && URL.canParse(value);

/** Drops undefined values and empty arrays: ninjs has no nulls, and absent reads better than empty. */
function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as T;
}

function subjectOf(tag: SubjectTag) {
  const medtop = /^medtop:(\d{8})$/.exec(tag.code);
  return compact({
    name: tag.name,
    uri: medtop ? `${MEDIA_TOPIC_URI}${medtop[1]}` : undefined,
    literal: tag.code,
    rel: 'about',
    creator: tag.provenance.by ?? tag.provenance.source,
    relevance: percent(tag.score),
    confidence: percent(tag.provenance.confidence),
  });
}

function entityOf(tag: EntityTag) {
  return compact({
    name: tag.localName ?? tag.name,
    uri: /^Q\d+$/.test(tag.id) ? `${WIKIDATA_URI}${tag.id}` : undefined,
    literal: tag.id,
    rel: 'mentioned',
  });
}

/** Our section and the keywords have no field of their own in ninjs 3: they travel as subjects, told apart by their literal. */
function extraSubjects(article: CanonicalArticle) {
  return [
    ...(article.section ? [{ name: article.section, literal: `section:${article.section}`, rel: 'section' }] : []),
    ...article.keywords.map((k) => ({ name: k.value, literal: `keyword:${k.value}`, rel: 'keyword', creator: k.provenance.by ?? k.provenance.source })),
  ];
}

function descriptionsOf(article: CanonicalArticle) {
  return [
    ...(article.standfirst ? [{ role: 'summary', contentType: 'text/plain', value: article.standfirst }] : []),
    ...(article.corrections ?? []).map((c) => ({ role: 'correction', contentType: 'text/plain', value: c.note })),
  ];
}

function associationsOf(article: CanonicalArticle) {
  return article.related
    .filter((r) => isAbsoluteUri(r.uri))
    .map((r) => compact({ uri: r.uri!, name: r.headline, rel: r.rel ?? 'related', type: 'text', headlines: [{ value: r.headline }] }));
}

/** The stored article as a ninjs 3.1 document. */
export function toNinjs(article: CanonicalArticle, store: StoreFacts): NinjsDocument {
  const wordCount = article.facts?.wordCount;
  return compact({
    uri: articleUri(article.id),
    standard: STANDARD,
    type: 'text',
    representationType: 'full',
    version: String(store.revision),
    firstCreated: article.firstCreated,
    versionCreated: article.versionCreated,
    embargoedUntil: article.embargo,
    pubStatus: article.pubStatus,
    urgency: article.urgency,
    genres: article.genre ? [{ name: article.genre, literal: article.genre }] : undefined,
    copyrightHolder: article.rights?.copyrightHolder,
    copyrightNotice: article.rights?.copyrightNotice,
    usageTerms: article.rights?.usageTerms,
    language: article.language,
    slugline: article.facts?.slug,
    headlines: [{ role: 'main', value: article.headline }, ...(article.subheadline ? [{ role: 'sub', value: article.subheadline }] : [])],
    descriptions: descriptionsOf(article),
    bodies: [
      compact({ role: 'main', contentType: 'text/html', value: article.bodyHtml, charCount: article.bodyText.length, wordCount }),
      compact({ role: 'main', contentType: 'text/plain', value: article.bodyText, charCount: article.bodyText.length, wordCount }),
    ],
    by: article.byline,
    located: article.located ?? article.dateline,
    subjects: [...article.subjects.map(subjectOf), ...extraSubjects(article)],
    people: article.people.map(entityOf),
    organisations: article.organisations.map(entityOf),
    places: article.places.map(entityOf),
    infoSources: [compact({ name: article.provider ?? article.source, role: 'source' })],
    altIds: [
      { role: 'depeche', value: article.id },
      ...(article.externalId ? [{ role: article.source, value: article.externalId }] : []),
      ...(article.uri ? [{ role: 'source-uri', value: article.uri }] : []),
    ],
    associations: associationsOf(article),
  });
}
