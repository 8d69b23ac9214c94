import type { operations as ingest } from './generated/ingest-api';
import type { operations as read } from './generated/read-api';

// The API's own shapes, generated from its OpenAPI document (scripts/desk-api-types.ts), never re-typed here.

/** The tags as GET /v1/articles/:id/tags gives them. */
export type ArticleTags = read['ArticlesController_tags']['responses'][200]['content']['application/json'];
export type TagView = ArticleTags['subjects'][number];
export type Provenance = TagView['provenance'];

/** The editor's share of the tags, as an update sends it back. */
type EditorTags = NonNullable<ingest['ArticlesController_submit']['requestBody']>['content']['application/json']['tags'];
export type EditorTag = NonNullable<NonNullable<EditorTags>['add']>[number];
export type TagType = EditorTag['type'];

export const TAG_LISTS = [
  ['subjects', 'subject'],
  ['people', 'person'],
  ['organisations', 'organisation'],
  ['places', 'place'],
  ['keywords', 'keyword'],
] as const;

const sameTag = (a: EditorTag, b: EditorTag) => a.type === b.type && (a.id ?? a.name) === (b.id ?? b.name);

/** What an update must carry so the editor's tags and removals survive it (a PUT replaces the whole version). */
export function editorTagsOf(tags: ArticleTags | null): { add: EditorTag[]; remove: EditorTag[] } {
  if (!tags) return { add: [], remove: [] };
  const add = TAG_LISTS.flatMap(([list, type]) =>
    tags[list].filter((tag) => tag.provenance.source === 'editor').map((tag) => ({ type, id: tag.id, name: tag.name })),
  );
  const remove = tags.removed.map((tag) => ({ type: tag.type, id: tag.id, name: tag.name ?? tag.id }));
  return { add, remove };
}

/** Removing a tag locks it out of enrichment; adding one makes it an editor tag (and lifts a removal of it). */
export function withRemoved(current: { add: EditorTag[]; remove: EditorTag[] }, tag: EditorTag) {
  return { add: current.add.filter((t) => !sameTag(t, tag)), remove: [...current.remove.filter((t) => !sameTag(t, tag)), tag] };
}

export function withAdded(current: { add: EditorTag[]; remove: EditorTag[] }, tag: EditorTag) {
  return { add: [...current.add.filter((t) => !sameTag(t, tag)), tag], remove: current.remove.filter((t) => !sameTag(t, tag)) };
}

export const confidenceText = (tag: TagView): string => {
  const confidence = tag.provenance.confidence ?? (tag.provenance.source === 'enrichment' ? undefined : 1);
  return confidence === undefined ? '–' : `${Math.round(confidence * 100)} %`;
};

export const provenanceText = (tag: TagView): string => [tag.provenance.source, tag.provenance.by].filter(Boolean).join(' · ');
