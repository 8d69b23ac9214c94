import { bodyFromHtml, bodyFromUnlabelled, bodyFromXhtml } from '../html/body.js';
import { nitfFields } from '../nitf/nitf-fields.js';
import type { DraftFields } from '../xml/draft-article.js';
import { attr, child, children, isElement, rawText, type XmlElement } from '../xml/xml-tree.js';

/** Component roles that carry text but not the story (Business Wire wraps its headline, CSS and contacts as components). */
const NOT_THE_STORY = new Set(['headline', 'subheadline', 'stylesheet', 'contact', 'logo', 'photo', 'caption', 'video', 'graphic']);

interface RoledContentItem {
  readonly item: XmlElement;
  /** Role of the enclosing NewsComponent (inherited from outer components), lower-case. */
  readonly role: string;
}

/**
 * The ContentItem holding the story text: in a component whose Role is the
 * main/body one if any, else the first text ContentItem outside the roles
 * above. NewsML 1 nests components freely, so the whole item is searched.
 */
export function storyContentItem(newsItem: XmlElement): XmlElement | undefined {
  const candidates = roledContentItems(newsItem).filter(({ item }) => isTextContentItem(item));
  const story = candidates.find(({ role }) => /^(main|body|bodytext|text)$/.test(role)) ?? candidates.find(({ role }) => !NOT_THE_STORY.has(role));
  return story?.item;
}

function roledContentItems(newsItem: XmlElement): RoledContentItem[] {
  const found: RoledContentItem[] = [];
  const visit = (component: XmlElement, inherited: string): void => {
    const role = attr(child(component, 'Role'), 'FormalName')?.toLowerCase() ?? inherited;
    for (const item of children(component, 'ContentItem')) found.push({ item, role });
    for (const nested of children(component, 'NewsComponent')) visit(nested, role);
  };
  for (const component of children(newsItem, 'NewsComponent')) visit(component, '');
  return found;
}

/** Body (and, for NITF, the story's own metadata) from a ContentItem's DataContent. */
export function contentItemFields(contentItem: XmlElement | undefined, provider: string): DraftFields | undefined {
  const data = child(contentItem, 'DataContent');
  if (!contentItem || !data) return undefined;
  const markup = data.children.find(isElement);
  if (markup?.name === 'nitf') return nitfFields(markup, provider);
  if (markup) return { body: bodyFromXhtml(markup) };
  const textData = rawText(data);
  return { body: /html/i.test(formatOf(contentItem)) ? bodyFromHtml(textData) : bodyFromUnlabelled(textData) };
}

function isTextContentItem(item: XmlElement): boolean {
  if (!child(item, 'DataContent')) return false;
  const mediaType = attr(child(item, 'MediaType'), 'FormalName')?.toLowerCase();
  const mimeType = attr(child(item, 'MimeType'), 'FormalName')?.toLowerCase() ?? '';
  if (mimeType === 'text/css') return false;
  return mediaType === 'text' || mimeType.startsWith('text/') || /nitf|html|text/i.test(formatOf(item));
}

function formatOf(item: XmlElement): string {
  return attr(child(item, 'Format'), 'FormalName') ?? '';
}
