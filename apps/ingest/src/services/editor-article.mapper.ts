import { sanitizeBody, textToHtml } from '#wire';
import type { CanonicalArticle } from '#contracts';
import type { EditorArticleDto } from '../dtos/editor-article.dto.js';

const LOOKS_LIKE_HTML = /<\/?[a-z][\s\S]*>/i;

/** An editor's submission as a canonical article: body sanitised, plain text derived, no tags yet. */
export function toCanonicalArticle(dto: EditorArticleDto, id: string, version: number, now: string): CanonicalArticle {
  const body = sanitizeBody(LOOKS_LIKE_HTML.test(dto.body) ? dto.body : textToHtml(dto.body));
  return {
    id,
    source: dto.source ?? 'editor',
    ...(dto.externalId ? { externalId: dto.externalId } : {}),
    version,
    headline: dto.headline.trim(),
    ...(dto.standfirst?.trim() ? { standfirst: dto.standfirst.trim() } : {}),
    bodyHtml: body.html,
    bodyText: body.text,
    ...(dto.byline?.trim() ? { byline: dto.byline.trim() } : {}),
    ...(dto.language ? { language: dto.language } : {}),
    ...(dto.section?.trim() ? { section: dto.section.trim() } : {}),
    pubStatus: 'usable',
    firstCreated: now,
    versionCreated: now,
    subjects: [],
    people: [],
    organisations: [],
    places: [],
    keywords: [],
    related: [],
  };
}
