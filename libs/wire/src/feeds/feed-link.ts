import { attr, children, type XmlElement } from '../xml/xml-tree.js';

/** An absolute URL for a possibly relative reference (Atom xml:base, RSS relative links); as written if it cannot be resolved. */
export function resolveUrl(href: string | undefined, base: string | undefined): string | undefined {
  const value = href?.trim();
  if (!value) return undefined;
  try {
    return new URL(value, base || undefined).href;
  } catch {
    return value;
  }
}

/** The nearest xml:base, innermost first, resolved against the ones around it. */
export function xmlBase(...elements: (XmlElement | undefined)[]): string | undefined {
  return elements.reduceRight<string | undefined>((base, el) => resolveUrl(attr(el, 'xml:base'), base) ?? base, undefined);
}

/** Atom's alternate link (rel absent or "alternate"), else the first with an href. */
export function atomLink(el: XmlElement | undefined): string | undefined {
  const links = children(el, 'link').filter((link) => attr(link, 'href'));
  const alternate = links.find((link) => (attr(link, 'rel') ?? 'alternate') === 'alternate');
  return attr(alternate ?? links[0], 'href');
}

/** The host a feed is published from ("www.nytimes.com"), for the article's source. */
export function hostOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).host || undefined : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What relative links in an Atom feed resolve against when no xml:base says:
 * the document's own address (rel="self"), else its alternate page.
 */
export function atomDocumentBase(feed: XmlElement): string | undefined {
  const self = children(feed, 'link').find((link) => attr(link, 'rel') === 'self');
  return [attr(self, 'href'), atomLink(feed)].find((href) => href && /^[a-z][\w+.-]*:/i.test(href));
}
