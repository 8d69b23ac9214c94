import type { EntityTag, EntityType, KeywordTag, Provenance, RelatedItem, SubjectTag } from '#contracts';
import { cleanText, dropUndefined } from '../draft/clean.js';
import { type Json, isObject, objects, prop, str, textBlocks } from './ninjs-json.js';

// IPTC vocabularies by URI, so "http://cv.iptc.org/newscodes/mediatopic/04000000" becomes "medtop:04000000".
const IPTC_SCHEMES: [RegExp, string][] = [
  [/^https?:\/\/cv\.iptc\.org\/newscodes\/mediatopic\/?/, 'medtop'],
  [/^https?:\/\/cv\.iptc\.org\/newscodes\/subjectcode\/?/, 'subj'],
  [/^https?:\/\/cv\.iptc\.org\/newscodes\/genre\/?/, 'genre'],
];

function schemeAlias(uri: string): [string, string] | undefined {
  for (const [prefix, alias] of IPTC_SCHEMES) {
    if (prefix.test(uri)) return [alias, uri.replace(prefix, '')];
  }
  return undefined;
}

/** A subject's [scheme, code]: from 1.x code/scheme, or a 2.x/3.x uri or "alias:code" literal. */
function subjectCode(subject: Json): [string, string] | undefined {
  const uri = str(subject.uri);
  const iptc = uri ? schemeAlias(uri) : undefined;
  if (iptc) return [iptc[0], `${iptc[0]}:${iptc[1]}`];
  const code = str(subject.code) ?? str(subject.literal);
  const scheme = str(subject.scheme);
  // NTB sends legacy IPTC Subject Codes as bare 8-digit literals.
  if (code && /^\d{8}$/.test(code) && !scheme) return ['subj', `subj:${code}`];
  if (code) {
    const alias = scheme ? (schemeAlias(scheme)?.[0] ?? scheme) : /^([a-z][\w-]*):/i.exec(code)?.[1];
    if (alias) return [alias.slice(0, 100), code.includes(':') ? code : `${alias}:${code}`];
  }
  if (uri) return [safeHost(uri), uri];
  return undefined;
}

function safeHost(uri: string): string {
  try {
    return new URL(uri).host || 'uri';
  } catch {
    return 'uri';
  }
}

export interface NinjsTags {
  subjects: SubjectTag[];
  keywords: KeywordTag[];
  people: EntityTag[];
  organisations: EntityTag[];
  places: EntityTag[];
  related: RelatedItem[];
}

/** Coded subjects become subjects; name-only ones are the provider's keywords. */
function subjectsAndKeywords(doc: Json, provenance: Provenance): Pick<NinjsTags, 'subjects' | 'keywords'> {
  const subjects: SubjectTag[] = [];
  const keywords: KeywordTag[] = [];
  for (const subject of objects(prop(doc, 'subject', 'subjects'))) {
    const coded = subjectCode(subject);
    const name = cleanText(str(subject.name), 500);
    if (coded) subjects.push({ scheme: coded[0], code: coded[1].slice(0, 300), name, provenance });
    else if (name) keywords.push({ value: name.slice(0, 200), provenance });
  }
  return { subjects: subjects.map(dropUndefined), keywords };
}

function slug(type: EntityType, name: string): string {
  const ascii = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  return `${type}:${ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

/** A 1.x code within its scheme: "http://cvx.iptc.org/iso3166-1a2/" + "it" is already a URI. */
function qualifiedCode(entity: Json): string | undefined {
  const code = str(entity.code);
  const scheme = str(entity.scheme);
  if (!code || !scheme) return code;
  return /[/#:]$/.test(scheme) ? scheme + code : `${scheme}:${code}`;
}

function entities(list: unknown, type: EntityType, provenance: Provenance): EntityTag[] {
  return objects(list).flatMap((entity) => {
    const name = cleanText(str(entity.name), 500);
    if (!name) return [];
    const id = str(entity.uri) ?? str(entity.literal) ?? qualifiedCode(entity) ?? slug(type, name);
    return [{ id: id.slice(0, 300), type, name, mentions: [], count: 0, provenance }];
  });
}

/** 1.x associations are an object keyed by name, 2.x/3.x an array of objects carrying their name. */
function associations(doc: Json): [string, Json][] {
  const value = doc.associations;
  if (Array.isArray(value)) return objects(value).map((a) => [str(a.name) ?? '', a]);
  return isObject(value) ? Object.entries(value).filter((e): e is [string, Json] => isObject(e[1])) : [];
}

function relatedItem([name, item]: [string, Json]): RelatedItem | undefined {
  const headline = cleanText(str(item.headline) ?? textBlocks(item.headlines)[0]?.value ?? str(item.title) ?? str(item.description_text) ?? name);
  if (!headline) return undefined;
  return dropUndefined({ headline, uri: str(item.uri)?.slice(0, 2000), rel: name ? name.slice(0, 100) : undefined });
}

export function ninjsTags(doc: Json, provenance: Provenance): NinjsTags {
  return {
    ...subjectsAndKeywords(doc, provenance),
    people: entities(prop(doc, 'person', 'people'), 'person', provenance),
    organisations: entities(prop(doc, 'organisation', 'organisations'), 'organisation', provenance),
    places: entities(prop(doc, 'place', 'places'), 'place', provenance),
    related: associations(doc).flatMap((a) => relatedItem(a) ?? []),
  };
}
