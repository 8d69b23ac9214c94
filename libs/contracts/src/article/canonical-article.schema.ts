import { Type, type Static } from 'typebox';
import { DateMention, EntityTag, KeywordTag, MoneyAmount, RejectedTag, SubjectTag } from './tags.schema.js';

const DateTime = Type.String({ format: 'date-time' });
const Text = (maxLength: number) => Type.String({ maxLength });

export const PubStatus = Type.Union([Type.Literal('usable'), Type.Literal('withheld'), Type.Literal('canceled')]);
export type PubStatus = Static<typeof PubStatus>;

export const Rights = Type.Object({
  copyrightHolder: Type.Optional(Text(500)),
  copyrightNotice: Type.Optional(Text(2000)),
  usageTerms: Type.Optional(Text(5000)),
});
export type Rights = Static<typeof Rights>;

/** A teaser or link that travels with an article but is not part of its body. */
export const RelatedItem = Type.Object({
  headline: Text(1000),
  uri: Type.Optional(Text(2000)),
  /** The teaser's kicker ("Sète", "Culture"). */
  kicker: Type.Optional(Text(200)),
  /** A label shown with it ("En Ligne"). */
  label: Type.Optional(Text(200)),
  /** Age as the page gave it ("2 semaines"). */
  age: Type.Optional(Text(200)),
  rel: Type.Optional(Text(100)),
});
export type RelatedItem = Static<typeof RelatedItem>;

/** A visible correction, appended by publishing each time an editor corrects the story. */
export const CorrectionNote = Type.Object({
  note: Type.String({ minLength: 1, maxLength: 5000 }),
  /** The revision that carried the correction. */
  revision: Type.Integer({ minimum: 1 }),
  correctedAt: DateTime,
});
export type CorrectionNote = Static<typeof CorrectionNote>;

/** How a charset was chosen: a byte-order mark, the transport's Content-Type, the document's own declaration, statistical detection, or the default. */
export const CharsetChoice = Type.Union([
  Type.Literal('bom'),
  Type.Literal('transport'),
  Type.Literal('declaration'),
  Type.Literal('detection'),
  Type.Literal('default'),
]);
export type CharsetChoice = Static<typeof CharsetChoice>;

/** How ingest read the article out of the document the source sent. */
export const ArticleOrigin = Type.Object({
  /** The wire format ("ninjs", "rss", "email"...). */
  format: Type.Optional(Text(50)),
  /** The charset the bytes were decoded with ("koi8-r", "utf-8"). */
  charset: Type.Optional(Text(50)),
  charsetFrom: Type.Optional(CharsetChoice),
  /** The detector's confidence when the charset was detected. */
  charsetConfidence: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  /** The place in the document the body was taken from ("descriptions[text]"), where a format has several. */
  bodyFrom: Type.Optional(Text(100)),
  /** What was left out on purpose ("2 attachments ignored"). */
  notes: Type.Optional(Type.Array(Text(500), { maxItems: 20 })),
});
export type ArticleOrigin = Static<typeof ArticleOrigin>;

/** What enrichment measured about the text as a whole. */
export const TextFacts = Type.Object({
  language: Type.Optional(Type.Object({ code: Type.String(), confidence: Type.Number({ minimum: 0, maximum: 1 }) })),
  wordCount: Type.Integer({ minimum: 0 }),
  readingTimeMinutes: Type.Optional(Type.Integer({ minimum: 0 })),
  slug: Type.Optional(Text(200)),
  /** name@version of the tagger set that produced the automatic tags. */
  tagger: Text(100),
  enrichedAt: DateTime,
});
export type TextFacts = Static<typeof TextFacts>;

/**
 * The one article shape every service speaks, modelled on IPTC ninjs 3.x
 * (camelCase here; publishing renders real ninjs for consumers).
 */
export const CanonicalArticle = Type.Object({
  /** Our id (UUID), stable across every version of the story. */
  id: Type.String({ format: 'uuid' }),
  /** Who sent it: "editor", an agency ("afp"), or a feed. */
  source: Text(200),
  /** The source's own identifier (provider guid, editor's externalId). */
  externalId: Type.Optional(Text(1000)),
  uri: Type.Optional(Text(2000)),
  /** The source's version number; editors' revisions count up from 1. */
  version: Type.Integer({ minimum: 1 }),
  headline: Type.String({ minLength: 1, maxLength: 1000 }),
  subheadline: Type.Optional(Text(1000)),
  standfirst: Type.Optional(Text(5000)),
  /** Sanitised HTML. */
  bodyHtml: Text(2_000_000),
  bodyText: Text(1_000_000),
  byline: Type.Optional(Text(500)),
  dateline: Type.Optional(Text(500)),
  located: Type.Optional(Text(500)),
  /** BCP 47 / ISO 639-1 code as given by the source or detected. */
  language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' })),
  section: Type.Optional(Text(200)),
  /** The kind of copy, where the sender says or intake decides it: "brief" for a headline-only item that links to its source. */
  genre: Type.Optional(Text(100)),
  /** 1 (flash) to 9 (lowest), as in IPTC. */
  urgency: Type.Optional(Type.Integer({ minimum: 1, maximum: 9 })),
  pubStatus: PubStatus,
  embargo: Type.Optional(DateTime),
  firstCreated: Type.Optional(DateTime),
  versionCreated: DateTime,
  provider: Type.Optional(Text(200)),
  rights: Type.Optional(Rights),
  subjects: Type.Array(SubjectTag),
  people: Type.Array(EntityTag),
  organisations: Type.Array(EntityTag),
  places: Type.Array(EntityTag),
  keywords: Type.Array(KeywordTag),
  /** Tags editors removed: locked out of every later enrichment. */
  rejectedTags: Type.Optional(Type.Array(RejectedTag)),
  amounts: Type.Optional(Type.Array(MoneyAmount)),
  dates: Type.Optional(Type.Array(DateMention)),
  related: Type.Array(RelatedItem),
  /** Every correction so far, oldest first; kept across updates. */
  corrections: Type.Optional(Type.Array(CorrectionNote)),
  facts: Type.Optional(TextFacts),
  /** Provenance of the copy itself: format, charset and how it was chosen. */
  origin: Type.Optional(ArticleOrigin),
});
export type CanonicalArticle = Static<typeof CanonicalArticle>;

/** An article as a parser or an editor produces it, before ingest gives it our id. */
export const DraftArticle = Type.Omit(CanonicalArticle, ['id']);
export type DraftArticle = Static<typeof DraftArticle>;

/** The tag lists of an article nobody has tagged yet. */
export function untagged(): Pick<CanonicalArticle, 'subjects' | 'people' | 'organisations' | 'places' | 'keywords' | 'related'> {
  return { subjects: [], people: [], organisations: [], places: [], keywords: [], related: [] };
}
