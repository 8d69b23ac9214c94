import { Type, type Static } from 'typebox';
import { Provenance } from './provenance.schema.js';

/** A subject from a controlled vocabulary: IPTC Media Topics ("medtop:04000000"), legacy subject codes ("subj:04000000"), or a provider's own scheme. */
export const SubjectTag = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 300 }),
  scheme: Type.String({ minLength: 1, maxLength: 100 }),
  name: Type.Optional(Type.String({ maxLength: 500 })),
  /** Relevance in [0, 1]; the first subject of a list is the primary one. */
  score: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  provenance: Provenance,
});
export type SubjectTag = Static<typeof SubjectTag>;

export const EntityType = Type.Union([Type.Literal('person'), Type.Literal('organisation'), Type.Literal('place')]);
export type EntityType = Static<typeof EntityType>;

/** Character offsets, end exclusive, into the article's plain text (bodyText), or into its headline when `field` says so. */
export const Mention = Type.Object({
  start: Type.Integer({ minimum: 0 }),
  end: Type.Integer({ minimum: 0 }),
  text: Type.String(),
  /** Absent: the offsets point into bodyText. Since minor version 1 of the article events. */
  field: Type.Optional(Type.Literal('headline')),
});
export type Mention = Static<typeof Mention>;

export const EntityTag = Type.Object({
  /** Wikidata QID where known ("Q380"), else a stable slug ("person:sam-altman"). */
  id: Type.String({ minLength: 1, maxLength: 300 }),
  type: EntityType,
  /** Canonical name (English where the data give one: "London"). */
  name: Type.String({ minLength: 1, maxLength: 500 }),
  /** The name as the article writes it ("Londres" in French copy). */
  localName: Type.Optional(Type.String({ maxLength: 500 })),
  mentions: Type.Array(Mention),
  count: Type.Integer({ minimum: 0 }),
  provenance: Provenance,
});
export type EntityTag = Static<typeof EntityTag>;

export const KeywordTag = Type.Object({
  value: Type.String({ minLength: 1, maxLength: 200 }),
  score: Type.Optional(Type.Number({ minimum: 0 })),
  provenance: Provenance,
});
export type KeywordTag = Static<typeof KeywordTag>;

export const MoneyAmount = Type.Object({
  value: Type.Number(),
  /** ISO 4217 code. */
  currency: Type.String({ pattern: '^[A-Z]{3}$' }),
  text: Type.String(),
  start: Type.Integer({ minimum: 0 }),
  end: Type.Integer({ minimum: 0 }),
});
export type MoneyAmount = Static<typeof MoneyAmount>;

export const DateMention = Type.Object({
  /** ISO 8601 date or date-time as resolved against the article's date. */
  date: Type.String(),
  text: Type.String(),
  start: Type.Integer({ minimum: 0 }),
  end: Type.Integer({ minimum: 0 }),
});
export type DateMention = Static<typeof DateMention>;

export const TagType = Type.Union([
  Type.Literal('subject'),
  Type.Literal('person'),
  Type.Literal('organisation'),
  Type.Literal('place'),
  Type.Literal('keyword'),
]);
export type TagType = Static<typeof TagType>;

/**
 * A tag an editor removed. Kept with the article so that no tagger puts it back,
 * on this version's enrichment or any re-enrichment; only an editor can add it again.
 */
export const RejectedTag = Type.Object({
  type: TagType,
  /** The subject's code, the entity's id, or the keyword itself. */
  id: Type.String({ minLength: 1, maxLength: 300 }),
  name: Type.Optional(Type.String({ maxLength: 500 })),
});
export type RejectedTag = Static<typeof RejectedTag>;
