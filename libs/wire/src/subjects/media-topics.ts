import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DraftArticle, KeywordTag, SubjectTag } from '#contracts';

/**
 * Legacy IPTC Subject Codes → IPTC Media Topics, from the table that
 * scripts/build-wire-data.mjs builds out of the Media Topics' exactMatch and
 * closeMatch (libs/wire/data/mediatopics/subject-codes.json, shipped in the repo).
 */
interface SubjectTable {
  subjects: Record<string, string>;
  map: Record<string, [topic: string, match: 'exact' | 'close' | 'broad']>;
  topics: Record<string, string>;
}

const TABLE = JSON.parse(readFileSync(fileURLToPath(new URL('../../data/mediatopics/subject-codes.json', import.meta.url)), 'utf8')) as SubjectTable;

const CODE = /^\d{8}$/;
const SUBJECT_URI = /^https?:\/\/cv\.iptc\.org\/newscodes\/subjectcode\/?/i;

/** "subj:04000000", "04000000" under an IPTC scheme, or the code's URI → "04000000". */
export function subjectCodeOf(tag: Pick<SubjectTag, 'code' | 'scheme'>): string | undefined {
  const bare = tag.code.replace(SUBJECT_URI, '').replace(/^(?:subj|iptc|subjectcode):/i, '');
  if (!CODE.test(bare)) return undefined;
  const iptcScheme = /^(?:subj|iptc|subjectcode)$/i.test(tag.scheme) || SUBJECT_URI.test(tag.scheme);
  return iptcScheme || SUBJECT_URI.test(tag.code) || /^subj:/i.test(tag.code) ? bare : undefined;
}

/** The nearest code up the hierarchy (detail → matter → subject) that has a Media Topic. */
function mapped(code: string): { topic: string; match: string } | undefined {
  const candidates = [code, `${code.slice(0, 5)}000`, `${code.slice(0, 2)}000000`];
  for (const candidate of candidates) {
    const hit = TABLE.map[candidate];
    if (hit) return { topic: hit[0], match: candidate === code ? `${hit[1]}Match` : `broader subj:${candidate} ${hit[1]}Match` };
  }
  return undefined;
}

/** The Media Topic a provider's subject code stands for, as a provider tag saying how it was found. */
export function mediaTopicFor(subject: SubjectTag): SubjectTag | undefined {
  const code = subjectCodeOf(subject);
  const hit = code ? mapped(code) : undefined;
  if (!code || !hit) return undefined;
  const by = `${subject.provenance.by ?? 'provider'} via IPTC subj:${code} ${hit.match}`.slice(0, 200);
  return { scheme: 'medtop', code: `medtop:${hit.topic}`, name: TABLE.topics[hit.topic], provenance: { ...subject.provenance, by } };
}

/** A subject code tag in the one spelling every format ends with: scheme subj, code "subj:…", IPTC's name if it had none. */
function normalised(subject: SubjectTag): SubjectTag {
  const code = subjectCodeOf(subject);
  if (!code) return subject;
  const name = subject.name ?? TABLE.subjects[code];
  return { ...subject, scheme: 'subj', code: `subj:${code}`, ...(name ? { name } : {}) };
}

/** A keyword that is really a subject code ("subj:04000000"), as some feeds send them. */
function keywordCode(keyword: KeywordTag): SubjectTag | undefined {
  const tag = { scheme: 'subj', code: keyword.value.trim(), provenance: keyword.provenance };
  return /^subj:|^https?:/i.test(tag.code) && subjectCodeOf(tag) ? normalised(tag) : undefined;
}

/**
 * Every subject code of an article followed by its Media Topic (unless the
 * provider sent that topic too); keywords that are codes become subjects.
 */
export function withMediaTopics(article: DraftArticle): DraftArticle {
  const fromKeywords = article.keywords.map(keywordCode);
  if (!fromKeywords.some(Boolean) && !article.subjects.some((s) => subjectCodeOf(s))) return article;
  const subjects = [...article.subjects.map(normalised), ...fromKeywords.filter((s): s is SubjectTag => !!s)];
  const seen = new Set(subjects.map((s) => s.code));
  const topics = subjects.flatMap((subject) => {
    const topic = mediaTopicFor(subject);
    if (!topic || seen.has(topic.code)) return [];
    seen.add(topic.code);
    return [topic];
  });
  return { ...article, subjects: [...subjects, ...topics], keywords: article.keywords.filter((_, i) => !fromKeywords[i]) };
}
