import type { DraftArticle, Provenance, Rights } from '#contracts';
import { WireError } from '../errors.js';
import { cleanText } from '../draft/clean.js';
import { type ParsedItems, collectItems } from '../draft/parse-result.js';
import { toIsoDateTime } from '../xml/dates.js';
import { type WireParseOptions, pubStatusFrom, sourceName, toDraftArticle, urgencyFrom } from '../xml/draft-article.js';
import { describeIssues, ninjsIssues } from './ninjs-issues.js';
import { type Json, isObject, objects, prop, str } from './ninjs-json.js';
import { SCHEMA_VERSION, ninjsSchemaErrors } from './ninjs-schemas.js';
import { ninjsTags } from './ninjs-tags.js';
import { ninjsText } from './ninjs-text.js';
import { ninjsMajors } from './ninjs-version.js';

export interface NinjsOptions extends WireParseOptions {
  /** Deepest JSON nesting accepted (default 64): a guard against documents built to exhaust the stack. */
  maxDepth?: number;
}

const NOT_ARTICLES = new Set(['event', 'planning']);
const MEDIA = new Set(['picture', 'video', 'audio', 'graphic']);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new WireError('malformed-json', `Not valid JSON: ${(error as Error).message}`);
  }
}

function assertDepth(value: unknown, maxDepth: number): void {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > maxDepth) throw new WireError('too-deep', `JSON nests deeper than ${maxDepth} levels`, { maxDepth });
    for (const kid of Object.values(node)) stack.push([kid, depth + 1]);
  }
}

/**
 * Valid when one of the candidate schemas accepts the document; otherwise
 * schema-invalid naming each bad field against the closest schema (fewest issues).
 */
function validate(doc: unknown, label: string): Json {
  if (!isObject(doc)) throw new WireError('schema-invalid', `${label}: a ninjs item must be a JSON object`);
  const attempts = ninjsMajors(doc).map((major) => ({ major, issues: ninjsIssues(ninjsSchemaErrors(major, doc)) }));
  if (attempts.some((attempt) => attempt.issues.length === 0)) return doc;
  const { major, issues } = attempts.reduce((best, next) => (next.issues.length < best.issues.length ? next : best));
  const version = SCHEMA_VERSION[major];
  throw new WireError('schema-invalid', `${label} is not valid ninjs ${version}: ${describeIssues(issues)}`, {
    ninjsVersion: version,
    issues,
  });
}

/** ninjs versions are strings ("1", "3"); ours are integers from 1. */
function version(value: unknown): number | undefined {
  const n = Number(str(value));
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

/** Who the item is from: the first info source, else the copyright holder. */
function providerOf(doc: Json): string | undefined {
  const source = objects(prop(doc, 'infosource', 'infoSources'))[0] ?? objects(doc.infosources)[0];
  return cleanText(str(source?.name) ?? str(prop(doc, 'copyrightholder', 'copyrightHolder')), 200);
}

function rights(doc: Json): Rights {
  return {
    copyrightHolder: str(prop(doc, 'copyrightholder', 'copyrightHolder')),
    copyrightNotice: str(prop(doc, 'copyrightnotice', 'copyrightNotice')),
    usageTerms: str(prop(doc, 'usageterms', 'usageTerms')),
  };
}

/** IPTC genre codes and the names agencies use for copy that is only a headline and a summary. */
const BRIEF_GENRE = /^(?:brief|flash|alert|summary|urgent|eil|kurz)/i;

/** The sender marked the item as a brief: a headline and a description are then the whole story. */
function isBrief(doc: Json): boolean {
  return objects(prop(doc, 'genre', 'genres')).some((genre) =>
    [genre.code, genre.name, genre.literal, str(genre.uri)?.replace(/^.*\//, '')].some((v) => typeof v === 'string' && BRIEF_GENRE.test(v)),
  );
}

/** Why a valid ninjs item is not an article, or undefined when it may be one. */
function notAnArticle(doc: Json, bodyText: string): string | undefined {
  const type = str(doc.type);
  if (type && NOT_ARTICLES.has(type)) return `ninjs ${type} item is not an article`;
  // A cancel notice needs no text: intake keeps it as a tombstone, even before the story it kills.
  if (pubStatusFrom(str(prop(doc, 'pubstatus', 'pubStatus'))) === 'canceled') return undefined;
  if (type && MEDIA.has(type) && !bodyText) return `ninjs ${type} item carries no text body`;
  if (!bodyText && !isBrief(doc)) {
    return 'ninjs item has no body: body_text, body_html, bodies[] and descriptions[] with a body role are all empty, and its genre does not mark it as a brief';
  }
  return undefined;
}

function toArticle(doc: Json, opts: WireParseOptions): DraftArticle | string {
  const { bodyHtml, bodyText, bodyFrom, ...text } = ninjsText(doc);
  const reason = notAnArticle(doc, bodyText);
  if (reason) return reason;
  const provider = providerOf(doc);
  const provenance: Provenance = { source: 'provider', by: provider ?? 'ninjs' };
  const uri = str(doc.uri);
  return toDraftArticle(
    {
      ...text,
      ...ninjsTags(doc, provenance),
      body: { html: bodyHtml, text: bodyText },
      source: provider ? sourceName(provider) : 'ninjs',
      provider,
      externalId: uri,
      uri,
      version: version(doc.version),
      byline: str(doc.byline) ?? str(doc.by),
      located: str(doc.located),
      genre: isBrief(doc) ? 'brief' : undefined,
      language: str(doc.language),
      urgency: urgencyFrom(String(doc.urgency ?? '')),
      pubStatus: pubStatusFrom(str(prop(doc, 'pubstatus', 'pubStatus'))),
      embargo: toIsoDateTime(str(prop(doc, 'embargoed', 'embargoedUntil'))),
      firstCreated: toIsoDateTime(str(prop(doc, 'firstcreated', 'firstCreated'))),
      versionCreated: toIsoDateTime(str(prop(doc, 'versioncreated', 'versionCreated'))),
      rights: rights(doc),
      origin: bodyFrom ? { bodyFrom } : undefined,
    },
    opts,
    'The ninjs item',
  );
}

/**
 * A ninjs 1.x, 2.x or 3.x document → articles. Each item is validated against
 * the official schema of its major version first: an invalid document is
 * rejected whole (schema-invalid) rather than half-read. A top-level array is
 * read as a batch of items (IPTC's collection examples); an invalid item in a
 * batch is skipped with its validation reason so the rest still land.
 */
export function parseNinjs(text: string, opts: NinjsOptions): ParsedItems {
  const parsed = parseJson(text);
  assertDepth(parsed, opts.maxDepth ?? 64);
  if (Array.isArray(parsed)) return collectItems(parsed, (item) => toArticle(validate(item, 'The ninjs item'), opts), opts.maxItems);
  const doc = validate(parsed, 'The document');
  return collectItems([doc], (item) => toArticle(item, opts));
}
