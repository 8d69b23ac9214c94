import type { ArticleEnrichedV1, CanonicalArticle, LifecycleAction } from '#contracts';
import { PermanentError } from '#messaging';
import type { ArticleState } from '../database/entities/article.entity.js';
import type { CurrentState } from '../repositories/publication.repository.js';
import { automaticTagSignature, withAutomaticTagsOf } from './automatic-tags.js';

export type { CurrentState };

export interface RevisionPlan {
  document: CanonicalArticle;
  status: ArticleState;
  /** The event consumers are owed; none while the story is unannounced. */
  lifecycle?: LifecycleAction;
  note?: string;
}

/**
 * What an enriched event does to the stored article: the new document and
 * state, and which lifecycle event it owes. Undefined means nothing to store
 * (a re-enrichment that found the same tags). Pure, so every rule is testable alone.
 */
export function planRevision(current: CurrentState | undefined, data: ArticleEnrichedV1, now: Date): RevisionPlan | undefined {
  if (current?.status === 'killed') {
    if (data.action === 'reenrich') return undefined;
    throw new PermanentError(`article ${current.id} was killed; ${data.action} refused`);
  }
  if (!current) {
    if (data.action !== 'submit' && data.action !== 'update') throw new PermanentError(`cannot ${data.action} an article that was never stored`);
    return fresh(undefined, data, now);
  }
  if (data.action === 'kill') return kill(current, data);
  if (data.action === 'reenrich') return reenrich(current, data.article);
  return fresh(current, data, now);
}

function fresh(current: CurrentState | undefined, data: ArticleEnrichedV1, now: Date): RevisionPlan {
  const announced = !!current?.publishedAt;
  const document = withCorrections(current, data, now);
  // Once consumers were told, a later embargo cannot take the story back.
  const embargoed = !announced && isEmbargoed(data.article, now);
  if (embargoed) return { document, status: 'embargoed', note: data.correction };
  const lifecycle: LifecycleAction = !announced ? 'published' : data.action === 'correct' ? 'corrected' : 'updated';
  return { document, status: 'published', lifecycle, note: data.correction };
}

/** Ingest sends the new copy only; the correction history lives here and follows every later version. */
function withCorrections(current: CurrentState | undefined, data: ArticleEnrichedV1, now: Date): CanonicalArticle {
  const corrections = [...(current?.document.corrections ?? [])];
  if (data.action === 'correct' && data.correction) {
    corrections.push({ note: data.correction, revision: (current?.revision ?? 0) + 1, correctedAt: now.toISOString() });
  }
  const { corrections: _sent, ...sent } = data.article;
  const article = current ? { ...sent, ...identityOf(current.document) } : sent;
  return corrections.length ? { ...article, corrections } : article;
}

/** Who the story belongs to does not change with a new version: an editor's update of agency copy stays that agency's story. */
function identityOf(document: CanonicalArticle): Partial<CanonicalArticle> {
  const { source, externalId, uri, provider, firstCreated } = document;
  return {
    source,
    ...(externalId ? { externalId } : {}),
    ...(uri ? { uri } : {}),
    ...(provider ? { provider } : {}),
    ...(firstCreated ? { firstCreated } : {}),
  };
}

function kill(current: CurrentState, data: ArticleEnrichedV1): RevisionPlan {
  const document: CanonicalArticle = { ...current.document, pubStatus: 'canceled' };
  // A story nobody was told about is withdrawn silently.
  return { document, status: 'killed', note: data.killReason ?? 'killed', ...(current.publishedAt ? { lifecycle: 'killed' as const } : {}) };
}

function reenrich(current: CurrentState, tagged: CanonicalArticle): RevisionPlan | undefined {
  if (automaticTagSignature(current.document) === automaticTagSignature(tagged)) return undefined;
  const document = withAutomaticTagsOf(current.document, tagged);
  return { document, status: current.status, ...(current.status === 'published' ? { lifecycle: 'updated' as const } : {}) };
}

export function isEmbargoed(article: CanonicalArticle, now: Date): boolean {
  return !!article.embargo && Date.parse(article.embargo) > now.getTime();
}
