import type { SubjectTag } from '#contracts';
import { toIsoDateTime } from '../xml/dates.js';
import type { DraftFields } from '../xml/draft-article.js';
import { pubStatusFrom, urgencyFrom } from '../xml/field-values.js';
import { iptcSubjectCode, providerKeyword, uniqueKeywords, uniqueSubjects } from '../xml/tags.js';
import { attr, child, descendant, descendants, langOf, path, text, type XmlElement } from '../xml/xml-tree.js';

/** The provider as NewsML 1 names it: the Provider party (AFP), else the ProviderId domain (businesswire.com). */
export function providerOf(newsItem: XmlElement): string | undefined {
  const party = attr(child(descendant(newsItem, 'Provider'), 'Party'), 'FormalName');
  return party?.trim() || text(path(newsItem, 'Identification', 'NewsIdentifier', 'ProviderId')) || undefined;
}

/** Identification, management and descriptive metadata of a NewsML 1.2 NewsItem. */
export function newsItemFields(newsItem: XmlElement, provider: string): DraftFields {
  const identifier = path(newsItem, 'Identification', 'NewsIdentifier');
  const publicId = text(child(identifier, 'PublicIdentifier'));
  return {
    externalId: publicId || text(child(identifier, 'NewsItemId')) || undefined,
    uri: publicId || undefined,
    version: Number.parseInt(text(child(identifier, 'RevisionId')), 10) || undefined,
    ...managementFields(child(newsItem, 'NewsManagement')),
    ...newsLinesFields(newsItem),
    ...descriptiveFields(newsItem, provider),
  };
}

function managementFields(management: XmlElement | undefined): DraftFields {
  const status = attr(child(management, 'Status'), 'FormalName');
  const willChange = child(management, 'StatusWillChange');
  const embargoed = /embargo/i.test(status ?? '');
  return {
    firstCreated: toIsoDateTime(text(child(management, 'FirstCreated'))),
    versionCreated: toIsoDateTime(text(child(management, 'ThisRevisionCreated'))),
    // NewsML 1 has no embargo element: an "Embargoed" status becomes usable at StatusWillChange's time.
    pubStatus: embargoed ? 'withheld' : pubStatusFrom(status),
    embargo: embargoed ? toIsoDateTime(text(child(willChange, 'DateAndTime'))) : undefined,
    urgency: urgencyFrom(attr(child(management, 'Urgency'), 'FormalName')),
  };
}

/** The first non-empty of each news line anywhere in the item: outer components carry them for the whole story. */
function newsLinesFields(newsItem: XmlElement): DraftFields {
  const line = (name: string) => descendants(newsItem, name).map(text).find(Boolean);
  return {
    headline: line('HeadLine'),
    subheadline: line('SubHeadLine'),
    dateline: line('DateLine')?.replace(/\s*[-–—]\s*$/, ''),
    byline: line('ByLine') ?? partyNames(newsItem, 'Creator'),
    rights: { copyrightNotice: line('CopyrightLine'), usageTerms: line('UsageType') },
  };
}

function descriptiveFields(newsItem: XmlElement, provider: string): DraftFields {
  const descriptive = descendants(newsItem, 'DescriptiveMetadata');
  const properties = descriptive.flatMap((d) => descendants(d, 'Property'));
  // A Role qualifies the value (AFP's "PersonInImage" names people in the photo, not the story's keywords).
  const property = (name: string) => properties.filter((p) => attr(p, 'FormalName') === name && !attr(p, 'Role')).map((p) => attr(p, 'Value') ?? '');
  return {
    language: descriptive.map((d) => attr(child(d, 'Language'), 'FormalName')).find(Boolean) ?? langOf(newsItem),
    located: property('City')[0] || undefined,
    // Topics first: they carry names, and duplicates keep the first.
    subjects: uniqueSubjects([...topicSubjects(newsItem, provider), ...subjectCodes(newsItem, provider)]),
    keywords: uniqueKeywords(property('Keyword').map((k) => providerKeyword(k, provider))),
  };
}

/** <SubjectCode><Subject|SubjectMatter|SubjectDetail FormalName="16002000"/></SubjectCode>. */
function subjectCodes(newsItem: XmlElement, provider: string): (SubjectTag | undefined)[] {
  return descendants(newsItem, 'SubjectCode')
    .flatMap((code) => code.children)
    .filter((node): node is XmlElement => node.type === 'element')
    .map((subject) => iptcSubjectCode(attr(subject, 'FormalName') ?? '', provider));
}

/** ANA-style <TopicSet><Topic><FormalName>09003000</FormalName><Description Variant="Name" xml:lang="en">…. */
function topicSubjects(newsItem: XmlElement, provider: string): (SubjectTag | undefined)[] {
  return descendants(newsItem, 'Topic').map((topic) => {
    const names = descendants(topic, 'Description').filter((d) => attr(d, 'Variant') === 'Name');
    const name = names.find((d) => langOf(d)?.startsWith('en')) ?? names[0];
    return iptcSubjectCode(text(child(topic, 'FormalName')), provider, text(name));
  });
}

function partyNames(newsItem: XmlElement, role: string): string | undefined {
  const names = descendants(newsItem, role).flatMap((r) => descendants(r, 'Party').map((p) => attr(p, 'FormalName')?.trim()));
  return names.filter(Boolean).join(', ') || undefined;
}
