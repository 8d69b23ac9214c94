import { type ArticleOrigin, type DraftArticle, type FieldIssue, validatorFor, DraftArticle as DraftArticleSchema } from '#contracts';
import { type WireFormat, detectFormat } from './detect-format.js';
import { type DecodedText, decodeWire } from './encoding/decode-text.js';
import { withPlainTextFields } from './draft/plain-fields.js';
import { withSafeStrings } from './draft/safe-strings.js';
import type { ParsedItems, SkippedItem } from './draft/parse-result.js';
import { parseEmail } from './email/parse-email.js';
import { parseFeed } from './feeds/parse-feed.js';
import { WireError } from './errors.js';
import { parseIptc7901 } from './iptc7901/parse-iptc7901.js';
import { parseNinjs } from './ninjs/parse-ninjs.js';
import { parsePlainText } from './plain-text/parse-plain-text.js';
import { parseNewsMl1, parseNewsMlG2, parseNitf } from './xml-formats.js';
import { withMediaTopics } from './subjects/media-topics.js';

export { WireError, isWireError, type WireErrorCode } from './errors.js';
export { decodeText, decodeWire, type DecodedText } from './encoding/decode-text.js';
export { plainText, sanitizeBody, textToHtml } from './html/sanitize.js';
export { articleBody } from './html/body.js';
export { safeString, withSafeStrings } from './draft/safe-strings.js';
export { detectFormat, type WireFormat } from './detect-format.js';
export type { SkippedItem } from './draft/parse-result.js';

export interface ParseWireOptions {
  /** When ingest received the bytes (RFC 3339): the version time of items that carry none. */
  receivedAt: string;
  /** Deepest JSON nesting accepted (ninjs); XML nesting is bounded by the XML parser itself. */
  maxDepth?: number;
  /** Most items one document may carry (default 1000): more is refused whole with `too-many-items`. */
  maxItems?: number;
}

export interface WireResult {
  format: WireFormat;
  articles: DraftArticle[];
  skipped: SkippedItem[];
}

type Parser = (text: string, opts: ParseWireOptions) => ParsedItems;

/** The XML agency parsers return articles only: they reject rather than skip. */
const articlesOnly =
  (parse: (text: string, opts: ParseWireOptions) => DraftArticle[]): Parser =>
  (text, opts) => ({ articles: parse(text, opts), skipped: [] });

const PARSERS: Record<WireFormat, Parser> = {
  'newsml-g2': articlesOnly(parseNewsMlG2),
  nitf: articlesOnly(parseNitf),
  'newsml-1': articlesOnly(parseNewsMl1),
  ninjs: parseNinjs,
  rss: parseFeed,
  atom: parseFeed,
  iptc7901: parseIptc7901,
  anpa1312: parseIptc7901,
  'plain-text': parsePlainText,
  email: () => {
    throw new WireError('unsupported-format', 'E-mail copy is read by readWire: MIME parsing is asynchronous');
  },
};

const draftArticle = validatorFor('draft article', DraftArticleSchema);

const describe = (issues: FieldIssue[]) => issues.map((i) => `${i.field} ${i.reason}`).join('; ');

/** The format and charset the document was read with, beside what the parser recorded (where the body came from). */
function withOrigin(article: DraftArticle, origin: ArticleOrigin): DraftArticle {
  return { ...article, origin: { ...origin, ...article.origin } };
}

function originOf(format: string, decoded: DecodedText): ArticleOrigin {
  const confidence = decoded.confidence === undefined ? {} : { charsetConfidence: Math.round(decoded.confidence * 100) / 100 };
  return { format, charset: decoded.charset, charsetFrom: decoded.from, ...confidence };
}

/**
 * Every article leaves through the contract: one that fails it (a parser bug
 * or an input no parser anticipated) is skipped with the violation, never
 * passed on to be dead-lettered downstream. Its skip index is its position
 * among the parsed articles.
 */
function checked({ articles, skipped }: ParsedItems, origin: ArticleOrigin): ParsedItems {
  const result: ParsedItems = { articles: [], skipped: [...skipped] };
  const finish = (article: DraftArticle) => withOrigin(withMediaTopics(withPlainTextFields(withSafeStrings(article))), origin);
  articles.map(finish).forEach((article, index) => {
    const issues = draftArticle.issues(article);
    if (issues.length === 0) result.articles.push(article);
    else result.skipped.push({ index, reason: `Not a valid draft article: ${describe(issues)}` });
  });
  return result;
}

/**
 * Wire bytes as received → canonical draft articles. Decodes the text (BOM,
 * charset, declaration), detects the format from content and Content-Type,
 * and runs that format's parser. Throws WireError when the document as a whole
 * cannot be read; items that cannot be are listed in `skipped`.
 */
export function parseWire(bytes: Uint8Array, contentType: string | undefined, opts: ParseWireOptions): WireResult {
  const decoded = decodeWire(bytes, contentType);
  const format = detectFormat(decoded.text, contentType);
  return { format, ...checked(PARSERS[format](decoded.text, opts), originOf(format, decoded)) };
}

/**
 * parseWire for every format, e-mail copy (RFC 822 / MIME) included: what ingest
 * calls. The e-mail's text and HTML parts carry their own charsets, which the
 * MIME parser applies; its attachments are ignored and noted in the origin.
 */
export async function readWire(bytes: Uint8Array, contentType: string | undefined, opts: ParseWireOptions): Promise<WireResult> {
  const decoded = decodeWire(bytes, contentType);
  const format = detectFormat(decoded.text, contentType);
  if (format !== 'email') return { format, ...checked(PARSERS[format](decoded.text, opts), originOf(format, decoded)) };
  const article = await parseEmail(bytes, opts);
  return { format, ...checked({ articles: [article], skipped: [] }, { format }) };
}
