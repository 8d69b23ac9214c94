import { WireError } from '../errors.js';
import { type XmlDocument, parseXml } from '../xml/parse-xml.js';

/** Repairs that change nothing a well-formed document could mean: each is safe to try. */
const REPAIRS: [string, (xml: string) => string][] = [
  // "&" that starts no entity reference ("?a=1&b=2", "AT&T"): the publisher forgot to escape it.
  ['unescaped ampersands', (xml) => xml.replace(/&(?!(?:[a-z][\w.-]*|#\d+|#x[\da-f]+);)/gi, '&amp;')],
  // An XML declaration after a leading comment: the text is already decoded, so the declaration says nothing more.
  ['misplaced XML declaration', (xml) => xml.replace(/^(\s*<!--[\s\S]*?-->\s*)<\?xml[^>]*\?>/, '$1')],
  // A document cut inside its very last end tag ("</rss"): everything it says is already there.
  ['unterminated final end tag', (xml) => xml.replace(/<\/([\w:.-]+)\s*$/, '</$1>')],
];

export interface FeedDocument {
  doc: XmlDocument;
  /** The repairs a lenient reading needed, for the record. */
  repairs: string[];
}

/**
 * Parses a feed strictly, then, if that fails, once more with the safe repairs
 * applied. What the repairs cannot fix (a truncated CDATA section, unclosed
 * elements) is rejected with the parser's reason for the repaired text:
 * guessing there would invent content.
 */
export function parseFeedXml(text: string): FeedDocument {
  // Blank lines before the XML declaration (a common CMS bug) make a document ill-formed for no reason.
  const trimmed = text.trimStart();
  if (trimmed.replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>|\s+/g, '') === '') {
    throw new WireError('empty-document', 'The feed has no elements (only comments or whitespace)');
  }
  try {
    return { doc: parseXml(trimmed), repairs: [] };
  } catch (error) {
    if (!(error instanceof WireError) || error.code !== 'malformed-xml') throw error;
    const applied = REPAIRS.filter(([, repair]) => repair(trimmed) !== trimmed);
    if (applied.length === 0) throw error;
    const repaired = applied.reduce((xml, [, repair]) => repair(xml), trimmed);
    // Still failing after the safe repairs: that error names what is really wrong.
    return { doc: parseXml(repaired), repairs: applied.map(([name]) => name) };
  }
}
