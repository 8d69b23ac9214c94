import { Type, type Static } from 'typebox';

/**
 * Where a tag came from. Provider and editor tags are authoritative: automatic
 * (enrichment) tags never overwrite them, and re-enrichment replaces only its own.
 */
export const TagSource = Type.Union([Type.Literal('provider'), Type.Literal('editor'), Type.Literal('enrichment')]);
export type TagSource = Static<typeof TagSource>;

export const Provenance = Type.Object({
  source: TagSource,
  /** The tagger and its version for automatic tags, e.g. "nlp@1.0.0"; the provider's name otherwise. */
  by: Type.Optional(Type.String({ maxLength: 200 })),
  confidence: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
});
export type Provenance = Static<typeof Provenance>;
