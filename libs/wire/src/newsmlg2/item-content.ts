import { bodyFromHtml, bodyFromPlainText, bodyFromXhtml } from '../html/body.js';
import { nitfFields } from '../nitf/nitf-fields.js';
import type { DraftFields } from '../xml/draft-article.js';
import { attr, child, children, isElement, rawText, type XmlElement } from '../xml/xml-tree.js';

/**
 * The story text of a G2 newsItem, from the first inline rendition that holds
 * some: inlineXML with XHTML or NITF (recognised by the element, since agencies
 * mislabel contenttype, e.g. Reuters' "application/xhtml+html"), or inlineData
 * with plain text or HTML. Remote renditions are references, never fetched.
 */
export function itemContentFields(item: XmlElement, provider: string): DraftFields | undefined {
  const contentSet = child(item, 'contentSet');
  for (const rendition of children(contentSet)) {
    const fields = renditionFields(rendition, provider);
    if (fields?.body) return fields;
  }
  return undefined;
}

function renditionFields(rendition: XmlElement, provider: string): DraftFields | undefined {
  if (rendition.name === 'inlineXML') return inlineXmlFields(rendition, provider);
  if (rendition.name === 'inlineData') return { body: inlineDataBody(rendition) };
  return undefined;
}

function inlineXmlFields(inlineXml: XmlElement, provider: string): DraftFields | undefined {
  const content = inlineXml.children.find(isElement);
  if (!content) return undefined;
  if (content.name === 'nitf') return nitfFields(content, provider);
  if (content.name === 'html' || content.name === 'body' || content.name === 'div') return { body: bodyFromXhtml(content) };
  return undefined;
}

function inlineDataBody(inlineData: XmlElement) {
  const contentType = attr(inlineData, 'contenttype')?.toLowerCase() ?? 'text/plain';
  const data = rawText(inlineData);
  if (contentType.includes('html')) return bodyFromHtml(data);
  return bodyFromPlainText(stripStrayMarkup(data));
}

/** "text/plain" that still wraps its text in <p> (ANSA): the tags are noise, the line layout is the structure. */
function stripStrayMarkup(data: string): string {
  return data.replace(/<\/?(?:p|br|div)\b[^>]*>/gi, '\n\n');
}
