import type { KeywordTag, SubjectTag } from '#contracts';

/**
 * Provider tags, marked as such so enrichment never overwrites them.
 * Codes keep their scheme prefix ("medtop:04000000"), as the contracts expect.
 */
export function providerSubject(qcode: string, provider: string, name?: string): SubjectTag | undefined {
  const code = qcode.trim();
  if (!code) return undefined;
  const colon = code.indexOf(':');
  const scheme = colon > 0 && !code.includes('://') ? code.slice(0, colon) : provider;
  return withName({ code: code.slice(0, 300), scheme: scheme.slice(0, 100), provenance: { source: 'provider', by: provider } }, name);
}

/** Legacy 8-digit IPTC Subject NewsCodes as NITF and NewsML 1 carry them ("04000000" -> "subj:04000000"). */
export function iptcSubjectCode(code: string, provider: string, name?: string): SubjectTag | undefined {
  const digits = code.trim();
  if (!/^\d{8}$/.test(digits)) return undefined;
  return providerSubject(`subj:${digits}`, provider, name);
}

export function providerKeyword(value: string, provider: string): KeywordTag | undefined {
  const keyword = value.replace(/\s+/g, ' ').trim();
  return keyword ? { value: keyword.slice(0, 200), provenance: { source: 'provider', by: provider } } : undefined;
}

/** Drops empties and duplicates (by code), keeping the first, which is the primary one. */
export function uniqueSubjects(subjects: (SubjectTag | undefined)[]): SubjectTag[] {
  const seen = new Set<string>();
  return subjects.filter((s): s is SubjectTag => s !== undefined && !seen.has(s.code) && seen.add(s.code) !== undefined);
}

export function uniqueKeywords(keywords: (KeywordTag | undefined)[]): KeywordTag[] {
  const seen = new Set<string>();
  return keywords.filter((k): k is KeywordTag => k !== undefined && !seen.has(k.value.toLowerCase()) && seen.add(k.value.toLowerCase()) !== undefined);
}

function withName(tag: SubjectTag, name: string | undefined): SubjectTag {
  const trimmed = name?.replace(/\s+/g, ' ').trim();
  return trimmed ? { ...tag, name: trimmed.slice(0, 500) } : tag;
}
