import type { CanonicalArticle, EntityTag, Provenance, RejectedTag } from '#contracts';
import type { EditorTagDto, EditorTagsDto } from '../dtos/editor-article.dto.js';

type TagLists = Pick<CanonicalArticle, 'subjects' | 'people' | 'organisations' | 'places' | 'keywords' | 'rejectedTags'>;

const EDITOR: Provenance = { source: 'editor' };
const ENTITY_LIST = { person: 'people', organisation: 'organisations', place: 'places' } as const;

/** An entity the editor named without an id gets a stable slug, as the tagger does for names it cannot link. */
const slugOf = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'unnamed';

/** The id a tag is known by in its list: subject code, entity id, keyword value. */
export function editorTagId(tag: EditorTagDto): string {
  if (tag.type === 'keyword') return tag.id ?? tag.name;
  if (tag.type === 'subject') return tag.id ?? tag.name;
  return tag.id ?? `${tag.type}:${slugOf(tag.name)}`;
}

function entityOf(tag: EditorTagDto & { type: EntityTag['type'] }): EntityTag {
  return { id: editorTagId(tag), type: tag.type, name: tag.name, mentions: [], count: 0, provenance: EDITOR };
}

/** The tag lists of a version as its editor set them: editor tags first, removals kept for enrichment to honour. */
export function editorTagLists(tags: EditorTagsDto | undefined): TagLists {
  const lists: TagLists = { subjects: [], people: [], organisations: [], places: [], keywords: [] };
  for (const tag of tags?.add ?? []) {
    if (tag.type === 'subject') lists.subjects.push({ code: editorTagId(tag), scheme: editorTagId(tag).split(':')[0]!, name: tag.name, provenance: EDITOR });
    else if (tag.type === 'keyword') lists.keywords.push({ value: tag.name, provenance: EDITOR });
    else lists[ENTITY_LIST[tag.type as EntityTag['type']]].push(entityOf(tag as EditorTagDto & { type: EntityTag['type'] }));
  }
  const rejected: RejectedTag[] = (tags?.remove ?? []).map((tag) => ({ type: tag.type, id: editorTagId(tag), name: tag.name }));
  return rejected.length ? { ...lists, rejectedTags: rejected } : lists;
}
