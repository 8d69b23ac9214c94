import { articleBody, plainText, withSafeStrings } from '#wire';
import type { CanonicalArticle, FieldIssue } from '#contracts';
import { invalidRequest } from '#runtime';
import type { EditorArticleDto } from '../dtos/editor-article.dto.js';
import { editorTagLists } from './editor-tags.mapper.js';

/** A plain-text field without markup, or nothing when only markup was there. */
const text = (value: string | undefined) => (value === undefined ? undefined : plainText(value).trim() || undefined);

/** An editor's submission as a canonical article: body sanitised, text fields stripped of markup, only the editor's own tags. */
export function toCanonicalArticle(unsafe: EditorArticleDto, id: string, version: number, now: string): CanonicalArticle {
  const dto = withSafeStrings(unsafe);
  const body = articleBody(dto.body);
  const headline = text(dto.headline);
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
    ...(text(dto.standfirst) ? { standfirst: text(dto.standfirst) } : {}),
    bodyHtml: body.html,
    bodyText: body.text,
    ...(text(dto.byline) ? { byline: text(dto.byline) } : {}),
    ...(dto.language ? { language: dto.language } : {}),
    ...(text(dto.section) ? { section: text(dto.section) } : {}),
    pubStatus: 'usable',
    firstCreated: now,
    versionCreated: now,
    ...editorTagLists(dto.tags),
    related: [],
  };
}
