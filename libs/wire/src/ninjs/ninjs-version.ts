import type { Json } from './ninjs-json.js';
import type { NinjsMajor } from './ninjs-schemas.js';

/** "ninjs-schema_2.1.json", "…/ninjs/3.0/…", or a bare "1.4" → the major version. */
function majorIn(text: unknown): NinjsMajor | undefined {
  if (typeof text !== 'string') return undefined;
  const match = /(?:ninjs-schema_|^|\/)([123])\.\d+/.exec(text);
  return match ? (Number(match[1]) as NinjsMajor) : undefined;
}

/** The version the document declares: 1.x `$standard`, 2.x/3.x `standard`, or a `$schema` URL. */
function declaredMajor(doc: Json): NinjsMajor | undefined {
  for (const key of ['standard', '$standard']) {
    const standard = doc[key];
    if (typeof standard === 'string') return majorIn(standard);
    if (standard && typeof standard === 'object') {
      const { version, schema } = standard as Json;
      const major = majorIn(version) ?? majorIn(schema);
      if (major) return major;
    }
  }
  return majorIn(doc.$schema);
}

// 3.x renamed the lowercase 2.x properties to camelCase; 2.x made 1.x's strings arrays.
const CAMEL_CASE_ONLY = [
  'versionCreated',
  'firstCreated',
  'pubStatus',
  'altIds',
  'contentCreated',
  'embargoedUntil',
  'copyrightHolder',
  'copyrightNotice',
  'usageTerms',
  'eventDetails',
  'plannedCoverage',
  'trustIndicators',
  'rightsInfo',
  'infoSources',
  'representationType',
  'digitalSourceType',
  'edNote',
];
const TWO_PLUS_ONLY = ['headlines', 'bodies', 'descriptions', 'subjects', 'people', 'organisations', 'places', 'genres', 'by'];
const ONE_X_ONLY = [
  'headline',
  'body_html',
  'body_text',
  'body_xhtml',
  'description_text',
  'description_html',
  'byline',
  'subject',
  'person',
  'organisation',
  'place',
  'genre',
];
/** Lowercase names 1.x and 2.x share (3.x camel-cased them). */
const LOWERCASE_SHARED = [
  'versioncreated',
  'firstcreated',
  'pubstatus',
  'altids',
  'contentcreated',
  'embargoed',
  'copyrightholder',
  'copyrightnotice',
  'usageterms',
  'rightsinfo',
  'ednote',
  'representationtype',
];

/** The major versions the document's properties allow, likeliest first. */
function shapeMajors(doc: Json): NinjsMajor[] {
  const keys = Object.keys(doc);
  const has = (names: string[]) => keys.some((k) => names.includes(k));
  if (has(CAMEL_CASE_ONLY)) return [3];
  if (has(ONE_X_ONLY) || keys.some((k) => /^(headline|body|description)_/.test(k))) return [1];
  if (has(TWO_PLUS_ONLY)) return has(LOWERCASE_SHARED) ? [2] : [3, 2];
  if (has(LOWERCASE_SHARED)) return [2, 1];
  // Nothing tells (only uri, urgency, type...): the current standard decides, as IPTC's own test suite does.
  return [3];
}

/**
 * The schemas a ninjs document may be validated against, likeliest first:
 * the one it declares, else those its shape allows. A document that declares
 * one version but is shaped like another fails against the declared one,
 * which is the truthful outcome.
 */
export function ninjsMajors(doc: Json): NinjsMajor[] {
  const declared = declaredMajor(doc);
  return declared ? [declared] : shapeMajors(doc);
}
