import { TagType } from '#contracts';
import { Type } from 'typebox';
import type { CanonicalArticle, EntityTag, KeywordTag, Provenance, RejectedTag, SubjectTag } from '#contracts';

const ProvenanceDto = Type.Object({
  source: Type.String({ description: 'provider, editor or enrichment' }),
  by: Type.Optional(Type.String({ description: 'The tagger and its version, or the provider' })),
  confidence: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
});
const TagDto = Type.Object({
  id: Type.String({ description: 'Subject code, entity id or the keyword itself' }),
  name: Type.String(),
  score: Type.Optional(Type.Number()),
  count: Type.Optional(Type.Integer({ description: 'Mentions in the body (entities)' })),
  provenance: ProvenanceDto,
});

/** GET /v1/articles/:id/tags: every tag with where it came from (ninjs keeps no provenance for entities), and what editors removed. */
export const ArticleTagsDto = Type.Object({
  revision: Type.Integer(),
  tagger: Type.Optional(Type.String()),
  subjects: Type.Array(TagDto),
  people: Type.Array(TagDto),
  organisations: Type.Array(TagDto),
  places: Type.Array(TagDto),
  keywords: Type.Array(TagDto),
  removed: Type.Array(Type.Object({ type: TagType, id: Type.String(), name: Type.Optional(Type.String()) }), {
    description: 'Removed by an editor: no tagger puts them back',
  }),
});

interface TagView {
  id: string;
  name: string;
  score?: number;
  count?: number;
  provenance: Provenance;
}

export interface ArticleTags {
  revision: number;
  tagger?: string;
  subjects: TagView[];
  people: TagView[];
  organisations: TagView[];
  places: TagView[];
  keywords: TagView[];
  removed: RejectedTag[];
}

const subjectView = (t: SubjectTag): TagView => ({
  id: t.code,
  name: t.name ?? t.code,
  ...(t.score !== undefined ? { score: t.score } : {}),
  provenance: t.provenance,
});
const entityView = (t: EntityTag): TagView => ({ id: t.id, name: t.localName ?? t.name, count: t.count, provenance: t.provenance });
const keywordView = (t: KeywordTag): TagView => ({
  id: t.value,
  name: t.value,
  ...(t.score !== undefined ? { score: t.score } : {}),
  provenance: t.provenance,
});

export function articleTagsOf(article: CanonicalArticle, revision: number): ArticleTags {
  return {
    revision,
    ...(article.facts?.tagger ? { tagger: article.facts.tagger } : {}),
    subjects: article.subjects.map(subjectView),
    people: article.people.map(entityView),
    organisations: article.organisations.map(entityView),
    places: article.places.map(entityView),
    keywords: article.keywords.map(keywordView),
    removed: article.rejectedTags ?? [],
  };
}
