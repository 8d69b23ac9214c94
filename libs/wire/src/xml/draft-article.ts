import type { DraftArticle, Rights } from '#contracts';
import { WireError } from '../errors.js';
import { normaliseLanguage } from './field-values.js';

// Re-exported: the parsers of every format import them from here.
export { normaliseLanguage, pubStatusFrom, sourceName, urgencyFrom } from './field-values.js';

/** What every parser needs besides the document. */
export interface WireParseOptions {
  /**
   * When the document was received (RFC 3339). Used as `versionCreated` only
   * when the document carries no date of its own.
   */
  receivedAt: string;
  /** Most items one document may carry (feed entries, captured messages, a ninjs batch): more is refused whole. */
  maxItems?: number;
}

/** Body of an article: sanitised HTML and its plain text. */
export interface ArticleBody {
  html: string;
  text: string;
}

/**
 * Everything a format parser may have found, all optional: parsers fill what
 * their format carries and `toDraftArticle` applies the defaults and limits once.
 */
export type DraftFields = Partial<Omit<DraftArticle, 'bodyHtml' | 'bodyText'>> & { body?: ArticleBody };

/** Longest headline derived from a body when the document has none. */
const DERIVED_HEADLINE_MAX = 160;

/** Schema maximum lengths of the free-text fields (see canonical-article.schema.ts). */
const MAX_LENGTH = {
  headline: 1000,
  subheadline: 1000,
  standfirst: 5000,
  byline: 500,
  dateline: 500,
  located: 500,
  section: 200,
  provider: 200,
  source: 200,
  externalId: 1000,
  uri: 2000,
} as const;

type LimitedField = keyof typeof MAX_LENGTH;

/**
 * Merges field sets, earlier ones winning (the more specific source first:
 * item metadata before what the embedded NITF repeats). Arrays are concatenated.
 */
export function mergeFields(...sets: (DraftFields | undefined)[]): DraftFields {
  const merged: Record<string, unknown> = {};
  for (const set of sets) {
    for (const [key, value] of Object.entries(set ?? {})) {
      if (isEmpty(value)) continue;
      const current = merged[key];
      if (Array.isArray(current) && Array.isArray(value)) merged[key] = [...current, ...value];
      else if (current === undefined) merged[key] = value;
    }
  }
  return merged as DraftFields;
}

/** Applies defaults and schema limits; throws 'empty-document' when there is neither headline nor body. */
export function toDraftArticle(fields: DraftFields, options: WireParseOptions, what: string): DraftArticle {
  const body = fields.body ?? { html: '', text: '' };
  const headline = fields.headline?.trim() || headlineFromBody(body.text) || cancelHeadline(fields);
  if (!headline) throw new WireError('empty-document', `${what} has neither a headline nor body text`);
  const { body: _body, ...rest } = fields;
  const draft: DraftArticle = {
    ...rest,
    source: fields.source ?? 'wire',
    version: fields.version && fields.version >= 1 ? Math.floor(fields.version) : 1,
    headline,
    bodyHtml: body.html,
    bodyText: body.text,
    language: normaliseLanguage(fields.language),
    pubStatus: fields.pubStatus ?? 'usable',
    versionCreated: fields.versionCreated ?? options.receivedAt,
    rights: cleanRights(fields.rights),
    subjects: fields.subjects ?? [],
    people: fields.people ?? [],
    organisations: fields.organisations ?? [],
    places: fields.places ?? [],
    keywords: fields.keywords ?? [],
    related: fields.related ?? [],
  };
  return dropUndefined(clampLengths(draft));
}

/**
 * A cancel notice often carries nothing but its guid: it still has to reach intake, which keeps it
 * as a tombstone for the story it kills (that may come later), so it is named after that guid.
 */
function cancelHeadline(fields: DraftFields): string | undefined {
  const guid = fields.externalId ?? fields.uri;
  return fields.pubStatus === 'canceled' && guid ? `Canceled: ${guid}`.slice(0, 1000) : undefined;
}

/** Wire copy without a headline (flashes, some Ritzau/AP items) gets its first sentence, cut at a word. */
function headlineFromBody(text: string): string | undefined {
  const first = text
    .split('\n')
    .find((line) => line.trim() !== '')
    ?.trim();
  if (!first) return undefined;
  const sentence = first.match(/^.+?[.!?](?=\s|$)/)?.[0] ?? first;
  if (sentence.length <= DERIVED_HEADLINE_MAX) return sentence;
  const cut = sentence.slice(0, DERIVED_HEADLINE_MAX);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

function cleanRights(rights: Rights | undefined): Rights | undefined {
  if (!rights) return undefined;
  const cleaned = dropUndefined({
    copyrightHolder: rights.copyrightHolder?.trim() || undefined,
    copyrightNotice: rights.copyrightNotice?.trim() || undefined,
    usageTerms: rights.usageTerms?.trim() || undefined,
  });
  return Object.keys(cleaned).length ? cleaned : undefined;
}

function clampLengths(draft: DraftArticle): DraftArticle {
  const clamped: Record<string, unknown> = { ...draft };
  for (const [field, max] of Object.entries(MAX_LENGTH) as [LimitedField, number][]) {
    const value = clamped[field];
    if (typeof value === 'string') clamped[field] = value.trim().slice(0, max) || undefined;
  }
  return clamped as DraftArticle;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
