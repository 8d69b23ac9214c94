import type { CanonicalArticle, Provenance } from '#contracts';
import type { TagRow } from '../repositories/publication.repository.js';

export type { TagRow };

type Tagged = { provenance: Provenance };
const TAG_LISTS = ['subjects', 'people', 'organisations', 'places', 'keywords'] as const;

const isAutomatic = (tag: Tagged): boolean => tag.provenance.source === 'enrichment';
const authoritative = <T extends Tagged>(tags: readonly T[]): T[] => tags.filter((tag) => !isAutomatic(tag));
const automatic = <T extends Tagged>(tags: readonly T[]): T[] => tags.filter(isAutomatic);

/** Lowercase, accents removed: how names are matched ("societe generale" = "Société Générale"). */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The identity of every automatic tag, sorted: two documents tagged alike give
 * the same string. Scores are left out, so a re-run that only reweighs does not
 * make a revision.
 */
export function automaticTagSignature(article: CanonicalArticle): string {
  const keys = [
    ...automatic(article.subjects).map((t) => `subject:${t.code}`),
    ...[...article.people, ...article.organisations, ...article.places].filter(isAutomatic).map((t) => `${t.type}:${t.id}`),
    ...automatic(article.keywords).map((t) => `keyword:${nameKey(t.value)}`),
  ];
  return keys.sort().join('\n');
}

/**
 * The current document with its automatic tags and facts replaced by a fresh
 * run's; editor and provider tags come from the current document, so an edit
 * made while re-enrichment was in flight is kept.
 */
export function withAutomaticTagsOf(current: CanonicalArticle, fresh: CanonicalArticle): CanonicalArticle {
  const merged: CanonicalArticle = { ...current, ...(fresh.facts ? { facts: fresh.facts } : {}) };
  for (const list of TAG_LISTS) {
    (merged[list] as Tagged[]) = [...authoritative(current[list] as Tagged[]), ...automatic(fresh[list] as Tagged[])];
  }
  if (fresh.amounts) merged.amounts = fresh.amounts;
  if (fresh.dates) merged.dates = fresh.dates;
  return merged;
}

/** The filterable tags of an article, one row per (kind, code). */
export function tagRowsOf(article: CanonicalArticle): TagRow[] {
  const rows: TagRow[] = [
    ...article.subjects.map((t) => ({ kind: 'subject' as const, code: t.code, nameKey: t.name ? nameKey(t.name) : null })),
    ...[...article.people, ...article.organisations, ...article.places].map((t) => ({ kind: t.type, code: t.id, nameKey: nameKey(t.name) })),
    ...article.keywords.map((t) => ({ kind: 'keyword' as const, code: nameKey(t.value), nameKey: nameKey(t.value) })),
  ];
  const unique = new Map(rows.map((row) => [`${row.kind}\0${row.code}`, row]));
  return [...unique.values()];
}
