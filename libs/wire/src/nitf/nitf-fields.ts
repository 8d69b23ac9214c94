import { bodyFromMarkup } from '../html/body.js';
import { toIsoDateTime } from '../xml/dates.js';
import type { DraftFields } from '../xml/draft-article.js';
import { pubStatusFrom, urgencyFrom } from '../xml/field-values.js';
import type { SerializeOptions } from '../xml/serialize.js';
import { iptcSubjectCode, providerKeyword, uniqueKeywords, uniqueSubjects } from '../xml/tags.js';
import { attr, child, children, descendants, path, spacedText, text, type XmlElement } from '../xml/xml-tree.js';

/**
 * NITF body markup is HTML-like: rename what has an HTML equivalent, drop what
 * is not running text (media references and captions, notes to editors).
 */
const NITF_MARKUP: SerializeOptions = {
  rename: { hl1: 'h2', hl2: 'h3', block: 'div', nitf: 'div' },
  drop: new Set(['media', 'ed-msg', 'note', 'fixture', 'body.end']),
};

/**
 * Everything an NITF document says about its story. Used on its own for NITF
 * files and for NITF embedded in NewsML-G2 and NewsML 1.2, where the envelope's
 * metadata takes precedence.
 */
export function nitfFields(nitf: XmlElement, fallbackProvider = 'wire'): DraftFields {
  const head = child(nitf, 'head');
  const body = child(nitf, 'body');
  const provider = nitfProvider(head, body) ?? fallbackProvider;
  return {
    ...headFields(head, provider),
    ...bodyHeadFields(child(body, 'body.head')),
    headline: text(path(body, 'body.head', 'hedline', 'hl1')) || text(child(head, 'title')) || undefined,
    language: attr(nitf, 'xml:lang') ?? attr(nitf, 'baselang') ?? attr(body, 'xml:lang'),
    body: bodyFromMarkup(child(body, 'body.content') ?? body, NITF_MARKUP),
  };
}

/** Who sent the NITF, as written: distributor, else the doc-id's registering source. */
export function nitfProvider(head: XmlElement | undefined, body: XmlElement | undefined): string | undefined {
  return text(path(body, 'body.head', 'distributor')) || attr(path(head, 'docdata', 'doc-id'), 'regsrc') || undefined;
}

function headFields(head: XmlElement | undefined, provider: string): DraftFields {
  const docdata = child(head, 'docdata');
  const issued = toIsoDateTime(attr(child(docdata, 'date.issue'), 'norm'));
  const released = toIsoDateTime(attr(child(docdata, 'date.release'), 'norm'));
  const copyright = child(docdata, 'doc.copyright');
  return {
    externalId: attr(child(docdata, 'doc-id'), 'id-string'),
    versionCreated: issued,
    firstCreated: toIsoDateTime(attr(child(head, 'pubdata'), 'date.publication')),
    // A release date after the issue date is the embargo: the story may not run before it.
    embargo: released && issued && released > issued ? released : undefined,
    urgency: urgencyFrom(attr(child(docdata, 'urgency') ?? child(head, 'urgency'), 'ed-urg')),
    pubStatus: pubStatusFrom(attr(docdata, 'management-status')),
    section: attr(child(head, 'pubdata'), 'position.section'),
    rights: copyright ? { copyrightHolder: attr(copyright, 'holder') } : undefined,
    subjects: uniqueSubjects(descendants(child(head, 'tobject'), 'tobject.subject').map((s) => tobjectSubject(s, provider))),
    keywords: uniqueKeywords(children(path(docdata, 'key-list'), 'keyword').map((k) => providerKeyword(attr(k, 'key') ?? '', provider))),
  };
}

/** Most specific name the element gives: detail, else matter, else type. */
function tobjectSubject(subject: XmlElement, provider: string) {
  const name = attr(subject, 'tobject.subject.detail') ?? attr(subject, 'tobject.subject.matter') ?? attr(subject, 'tobject.subject.type');
  return iptcSubjectCode(attr(subject, 'tobject.subject.refnum') ?? '', provider, name);
}

function bodyHeadFields(bodyHead: XmlElement | undefined): DraftFields {
  const dateline = child(bodyHead, 'dateline');
  return {
    subheadline: text(path(bodyHead, 'hedline', 'hl2')) || undefined,
    byline: children(bodyHead, 'byline').map(spacedText).filter(Boolean).join('; ') || undefined,
    dateline: spacedText(dateline) || undefined,
    located: text(child(dateline, 'location')) || undefined,
    standfirst: text(child(bodyHead, 'abstract')) || undefined,
    provider: text(child(bodyHead, 'distributor')) || undefined,
  };
}
