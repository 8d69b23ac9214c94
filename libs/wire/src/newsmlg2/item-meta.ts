import type { Rights, SubjectTag } from '#contracts';
import { toIsoDateTime } from '../xml/dates.js';
import type { DraftFields } from '../xml/draft-article.js';
import { pubStatusFrom, urgencyFrom } from '../xml/field-values.js';
import { providerKeyword, providerSubject, uniqueKeywords, uniqueSubjects } from '../xml/tags.js';
import { attr, child, children, langOf, spacedText, text, type XmlElement } from '../xml/xml-tree.js';

/** Description roles that are a standfirst (IPTC drol:summary, AP/Acme "abstract", teaser/lead variants). */
const STANDFIRST_ROLE = /summary|abstract|teaser|standfirst|lead|intro/i;
const SUBHEADLINE_ROLE = /sub/i;

/** The provider's name as the item gives it: name, literal, or the code itself ("nprov:AP" -> "AP"). */
export function providerOf(item: XmlElement): string | undefined {
  const provider = child(child(item, 'itemMeta'), 'provider');
  if (!provider) return undefined;
  return text(child(provider, 'name')) || attr(provider, 'literal') || conceptCode(provider) || undefined;
}

/** Metadata of a G2 newsItem: identifiers, dates, status, descriptive metadata and rights. */
export function itemMetaFields(item: XmlElement, provider: string): DraftFields {
  const itemMeta = child(item, 'itemMeta');
  const contentMeta = child(item, 'contentMeta');
  const guid = attr(item, 'guid');
  return {
    externalId: guid,
    uri: guid && /^[a-z][a-z0-9+.-]*:/i.test(guid) ? guid : undefined,
    version: Number.parseInt(attr(item, 'version') ?? '', 10) || undefined,
    versionCreated: toIsoDateTime(text(child(itemMeta, 'versionCreated'))),
    firstCreated: toIsoDateTime(text(child(itemMeta, 'firstCreated')) || text(child(contentMeta, 'contentCreated'))),
    embargo: toIsoDateTime(text(child(itemMeta, 'embargoed'))),
    pubStatus: pubStatusFrom(attr(child(itemMeta, 'pubStatus'), 'qcode')),
    rights: rightsOf(child(item, 'rightsInfo')),
    language: attr(child(contentMeta, 'language'), 'tag') ?? langOf(item),
    ...contentMetaFields(contentMeta, provider),
  };
}

function contentMetaFields(contentMeta: XmlElement | undefined, provider: string): DraftFields {
  const headlines = children(contentMeta, 'headline');
  const descriptions = children(contentMeta, 'description');
  return {
    headline: text(headlines.find((h) => !SUBHEADLINE_ROLE.test(attr(h, 'role') ?? ''))) || undefined,
    subheadline: text(child(contentMeta, 'subheadline')) || text(headlines.find((h) => SUBHEADLINE_ROLE.test(attr(h, 'role') ?? ''))) || undefined,
    standfirst: text(descriptions.find((d) => STANDFIRST_ROLE.test(attr(d, 'role') ?? ''))) || undefined,
    urgency: urgencyFrom(text(child(contentMeta, 'urgency'))),
    byline: children(contentMeta, 'creator').map(conceptName).filter(Boolean).join(', ') || undefined,
    located: conceptName(child(contentMeta, 'located')) || undefined,
    dateline: cleanDateline(text(child(contentMeta, 'dateline'))),
    subjects: uniqueSubjects([
      ...children(contentMeta, 'subject').map((s) => conceptSubject(s, provider)),
      ...children(contentMeta, 'genre').map((g) => conceptSubject(g, provider)),
    ]),
    keywords: uniqueKeywords(children(contentMeta, 'keyword').map((k) => providerKeyword(text(k), provider))),
  };
}

function rightsOf(rightsInfo: XmlElement | undefined): Rights | undefined {
  if (!rightsInfo) return undefined;
  const holder = child(rightsInfo, 'copyrightHolder');
  return {
    copyrightHolder: text(child(holder, 'name')) || attr(holder, 'literal') || undefined,
    copyrightNotice: text(child(rightsInfo, 'copyrightNotice')) || undefined,
    usageTerms: text(child(rightsInfo, 'usageTerms')) || undefined,
  };
}

/** A G2 concept's human name: its <name>, else its literal. */
function conceptName(concept: XmlElement | undefined): string {
  return text(child(concept, 'name')) || attr(concept, 'literal')?.trim() || '';
}

function conceptCode(concept: XmlElement): string | undefined {
  return attr(concept, 'qcode')?.split(':').pop() ?? attr(concept, 'uri');
}

function conceptSubject(concept: XmlElement, provider: string): SubjectTag | undefined {
  const code = attr(concept, 'qcode') ?? attr(concept, 'uri');
  return code ? providerSubject(code, provider, spacedText(child(concept, 'name'))) : undefined;
}

/** dpa writes "Berlin (dpa) - ": the trailing dash joins it to the lead in print, not in data. */
function cleanDateline(dateline: string): string | undefined {
  return dateline.replace(/\s*[-–—]\s*$/, '').trim() || undefined;
}
