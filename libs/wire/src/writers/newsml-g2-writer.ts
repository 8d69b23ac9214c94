import render from 'dom-serializer';
import { parseDocument } from 'htmlparser2';
import type { CanonicalArticle, EntityTag, SubjectTag } from '#contracts';
import { articleUri, type StoreFacts } from './ninjs-writer.js';

/** The media type of a NewsML-G2 news item (IANA registration by IPTC). */
export const NEWSML_G2_MEDIA_TYPE = 'application/vnd.iptc.g2.newsitem+xml';

/** The IPTC catalog that defines every scheme alias used below (ninat, stat, medtop, cpnat, wikidata, drol, irel, genre). */
const IPTC_CATALOG = 'http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml';
const NAR = 'http://iptc.org/std/nar/2006-10-01/';
const XHTML = 'http://www.w3.org/1999/xhtml';

export interface NewsMlG2Options {
  /** The party that provides the item (itemMeta/provider), the publication's name. */
  provider: string;
}

type Attributes = Record<string, string | number | undefined>;

/** Characters XML 1.0 cannot hold at all, escaped or not (controls, lone surrogates, U+FFFE/FFFF): dropped. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text and attribute values escaped for XML. */
function escapeXml(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function attributes(attrs: Attributes): string {
  return Object.entries(attrs)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
}

/** One element: children are already serialised XML; a string child is text. */
function el(name: string, attrs: Attributes = {}, ...children: Array<string | undefined>): string {
  const content = children.filter((c): c is string => c !== undefined).join('');
  return content ? `<${name}${attributes(attrs)}>${content}</${name}>` : `<${name}${attributes(attrs)}/>`;
}

const text = (name: string, value: string | undefined, attrs: Attributes = {}): string | undefined => (value ? el(name, attrs, escapeXml(value)) : undefined);

const percent = (value: number | undefined): number | undefined => (value === undefined ? undefined : Math.round(Math.min(1, Math.max(0, value)) * 100));

/** A scheme-qualified code of the IPTC catalog where the tag has one, else the tag's own code as a literal. */
function subjectCode(code: string): Attributes {
  return /^(medtop|subj):\d{8}$/.test(code) ? { qcode: code } : { literal: code };
}

function topicSubject(tag: SubjectTag): string {
  return el(
    'subject',
    { type: 'cpnat:abstract', ...subjectCode(tag.code), relevance: percent(tag.score), confidence: percent(tag.provenance.confidence) },
    text('name', tag.name),
  );
}

function entitySubject(tag: EntityTag, nature: string): string {
  const code = /^Q\d+$/.test(tag.id) ? { qcode: `wikidata:${tag.id}` } : { literal: tag.id };
  return el('subject', { type: nature, ...code, confidence: percent(tag.provenance.confidence) }, text('name', tag.localName ?? tag.name));
}

/** The sanitised body as the XHTML document inlineXML carries: parsed as HTML, written back as well-formed XML. */
function xhtmlBody(article: CanonicalArticle): string {
  const body = render(parseDocument(article.bodyHtml), { xmlMode: true, encodeEntities: 'utf8' }).replace(NOT_XML, '');
  return el('html', { xmlns: XHTML }, el('head', {}, text('title', article.headline)), `<body>${body}</body>`);
}

function rightsInfo(article: CanonicalArticle): string | undefined {
  const rights = article.rights;
  if (!rights?.copyrightHolder && !rights?.copyrightNotice && !rights?.usageTerms) return undefined;
  return el(
    'rightsInfo',
    {},
    rights.copyrightHolder ? el('copyrightHolder', { literal: rights.copyrightHolder }, text('name', rights.copyrightHolder)) : undefined,
    text('copyrightNotice', rights.copyrightNotice),
    text('usageTerms', rights.usageTerms),
  );
}

function itemMeta(article: CanonicalArticle, store: StoreFacts & { updatedAt?: Date }, options: NewsMlG2Options): string {
  const lastCorrection = article.corrections?.at(-1);
  const corrected = lastCorrection?.revision === store.revision;
  return el(
    'itemMeta',
    {},
    el('itemClass', { qcode: 'ninat:text' }),
    el('provider', { literal: options.provider }, text('name', options.provider)),
    text('versionCreated', store.updatedAt?.toISOString() ?? article.versionCreated),
    text('firstCreated', article.firstCreated),
    el('pubStatus', { qcode: `stat:${article.pubStatus}` }),
    ...(article.corrections ?? []).map((c) => text('edNote', c.note)),
    corrected ? el('signal', { qcode: 'sig:correction' }) : undefined,
    article.uri && URL.canParse(article.uri) ? el('link', { rel: 'irel:seeAlso', href: article.uri }) : undefined,
  );
}

function contentMeta(article: CanonicalArticle): string {
  return el(
    'contentMeta',
    {},
    text('urgency', article.urgency?.toString()),
    text('contentCreated', article.firstCreated),
    article.located ? el('located', { literal: article.located }, text('name', article.located)) : undefined,
    el('infoSource', { literal: article.provider ?? article.source }, text('name', article.provider ?? article.source)),
    article.language ? el('language', { tag: article.language }) : undefined,
    article.genre ? el('genre', { literal: article.genre }, text('name', article.genre)) : undefined,
    ...article.keywords.map((k) => text('keyword', k.value)),
    ...article.subjects.map(topicSubject),
    article.section ? el('subject', { type: 'cpnat:abstract', literal: `section:${article.section}` }, text('name', article.section)) : undefined,
    ...article.people.map((t) => entitySubject(t, 'cpnat:person')),
    ...article.organisations.map((t) => entitySubject(t, 'cpnat:organisation')),
    ...article.places.map((t) => entitySubject(t, 'cpnat:geoArea')),
    text('slugline', article.facts?.slug),
    text('headline', article.headline),
    text('dateline', article.dateline),
    text('by', article.byline),
    text('description', article.standfirst, { role: 'drol:summary' }),
  );
}

/** What a kill says of the story it withdraws: the event carries no copy. */
export interface CancelFacts {
  articleId: string;
  revision: number;
  killedAt: string;
  reason: string;
  language?: string;
}

function newsItem(guidOf: string, revision: number, language: string | undefined, ...children: Array<string | undefined>): string {
  const attrs = {
    xmlns: NAR,
    guid: articleUri(guidOf),
    version: revision,
    standard: 'NewsML-G2',
    standardversion: '2.35',
    conformance: 'power',
    'xml:lang': language,
  };
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + el('newsItem', attrs, el('catalogRef', { href: IPTC_CATALOG }), ...children) + '\n';
}

/**
 * A kill as NewsML-G2 says it: the same guid at the next version with pubStatus
 * `stat:canceled`, the reason as an editorial note, and no content.
 */
export function toNewsMlG2Cancel(facts: CancelFacts, options: NewsMlG2Options): string {
  return newsItem(
    facts.articleId,
    facts.revision,
    facts.language,
    el(
      'itemMeta',
      {},
      el('itemClass', { qcode: 'ninat:text' }),
      el('provider', { literal: options.provider }, text('name', options.provider)),
      text('versionCreated', facts.killedAt),
      el('pubStatus', { qcode: 'stat:canceled' }),
      text('edNote', facts.reason),
    ),
  );
}

/**
 * The stored article as a NewsML-G2 2.35 news item (power conformance): rights, item and content
 * metadata, and the body as inline XHTML. docs/formats.md says what maps to what.
 */
export function toNewsMlG2(article: CanonicalArticle, store: StoreFacts & { updatedAt?: Date }, options: NewsMlG2Options): string {
  const wordCount = article.facts?.wordCount;
  return newsItem(
    article.id,
    store.revision,
    article.language,
    rightsInfo(article),
    itemMeta(article, store, options),
    contentMeta(article),
    el(
      'contentSet',
      {},
      el('inlineXML', { contenttype: 'application/xhtml+xml', wordcount: wordCount, charcount: article.bodyText.length }, xhtmlBody(article)),
    ),
  );
}
