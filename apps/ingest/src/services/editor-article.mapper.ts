import { articleBody, isWireError, plainText, withSafeStrings } from '#wire';
import type { CanonicalArticle, FieldIssue } from '#contracts';
import { invalidRequest } from '#runtime';
import type { EditorArticleDto, EditorTagsDto } from '../dtos/editor-article.dto.js';
import { editorTagLists } from './editor-tags.mapper.js';

/** What a field's text gives, or 400 naming the field when reading it refuses it (markup nested too deep, too many paragraphs). */
function readField<T>(field: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (isWireError(error)) throw invalidRequest([{ field, reason: error.message }], 'The article has a field too large or too deeply nested to read.');
    throw error;
  }
}

/** A plain-text field without markup, or nothing when only markup was there. */
const text = (field: string, value: string | undefined) => (value === undefined ? undefined : readField(field, () => plainText(value).trim()) || undefined);

/** Tag names cleaned as every one-line field is (no markup, no bidi override); a name with nothing left is a 400. */
function cleanTags(tags: EditorTagsDto | undefined): EditorTagsDto | undefined {
  if (!tags) return undefined;
  const clean = (list: EditorTagsDto['add'], which: 'add' | 'remove') =>
    list?.map((tag, i) => {
      const field = `tags.${which}[${i}].name`;
      const name = text(field, tag.name);
      if (!name) throw invalidRequest([{ field, reason: 'has no text once markup is removed' }]);
      return { ...tag, name };
    });
  return { ...(tags.add ? { add: clean(tags.add, 'add') } : {}), ...(tags.remove ? { remove: clean(tags.remove, 'remove') } : {}) };
}

/** An editor's submission as a canonical article: body sanitised, text fields stripped of markup, only the editor's own tags. */
export function toCanonicalArticle(unsafe: EditorArticleDto, id: string, version: number, now: string): CanonicalArticle {
  const dto = withSafeStrings(unsafe);
  const body = readField('body', () => articleBody(dto.body));
  const headline = text('headline', dto.headline);
  const issues: FieldIssue[] = [];
  if (!headline) issues.push({ field: 'headline', reason: 'has no text once markup is removed' });
  if (!body.text) issues.push({ field: 'body', reason: 'has no text once unsafe markup is removed' });
  if (issues.length) throw invalidRequest(issues, 'The article has no text where it needs some.');
  return {
    id,
    source: dto.source ?? 'editor',
    ...(dto.externalId ? { externalId: dto.externalId } : {}),
    version,
    headline: headline!,
    ...(text('standfirst', dto.standfirst) ? { standfirst: text('standfirst', dto.standfirst) } : {}),
    bodyHtml: body.html,
    bodyText: body.text,
    ...(text('byline', dto.byline) ? { byline: text('byline', dto.byline) } : {}),
    ...(dto.language ? { language: dto.language } : {}),
    ...(text('section', dto.section) ? { section: text('section', dto.section) } : {}),
    pubStatus: 'usable',
    firstCreated: now,
    versionCreated: now,
    ...editorTagLists(cleanTags(dto.tags)),
    related: [],
  };
}
