import type { DraftArticle, RelatedItem } from '#contracts';
import { plainText } from '../html/sanitize.js';

const TEXT_FIELDS = ['headline', 'subheadline', 'standfirst', 'byline', 'dateline', 'located', 'section'] as const;
const RELATED_FIELDS = ['headline', 'kicker', 'label', 'age'] as const;

/**
 * Whatever a source put in a text field (HTML in a CDATA title, an escaped
 * script in an author), what leaves the parsers there is plain text: markup
 * and scripts only ever survive, sanitised, in bodyHtml.
 */
export function withPlainTextFields(article: DraftArticle): DraftArticle {
  const result: DraftArticle = { ...article, headline: plainText(article.headline) || article.headline.replace(/<[^>]*>/g, '') };
  for (const field of TEXT_FIELDS.slice(1)) {
    const value = article[field];
    if (value !== undefined) result[field] = plainText(value);
  }
  result.related = article.related.map(plainRelated);
  return result;
}

function plainRelated(item: RelatedItem): RelatedItem {
  const result = { ...item };
  for (const field of RELATED_FIELDS) {
    const value = item[field];
    if (value !== undefined) result[field] = plainText(value);
  }
  return result;
}
