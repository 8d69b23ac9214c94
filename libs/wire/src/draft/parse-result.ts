import type { DraftArticle } from '#contracts';
import { WireError } from '../errors.js';

/** An item the document carried that did not become an article, and why. */
export interface SkippedItem {
  /** Position of the item in the document (0 for single-item formats). */
  index: number;
  reason: string;
}

/** What a parser makes of one wire document. */
export interface ParsedItems {
  articles: DraftArticle[];
  skipped: SkippedItem[];
}

/** Items one document may carry unless the caller says otherwise: a busy feed holds a few hundred. */
export const DEFAULT_MAX_ITEMS = 1000;

/**
 * Maps every item of a multi-item document (feed, ninjs batch) to an article,
 * turning an item's WireError or returned reason into a skip so one bad item
 * never loses the others. Any other exception is a bug and propagates. More
 * than `maxItems` items is refused whole (`too-many-items`) before any is read:
 * one request must not become tens of thousands of articles.
 */
export function collectItems<T>(items: T[], toArticle: (item: T) => DraftArticle | string, maxItems = DEFAULT_MAX_ITEMS): ParsedItems {
  if (items.length > maxItems) {
    throw new WireError('too-many-items', `The document carries ${items.length} items; one document may carry at most ${maxItems}`, {
      items: items.length,
      limit: maxItems,
    });
  }
  const result: ParsedItems = { articles: [], skipped: [] };
  items.forEach((item, index) => {
    const outcome = attempt(() => toArticle(item));
    if (typeof outcome === 'string') result.skipped.push({ index, reason: outcome });
    else result.articles.push(outcome);
  });
  return result;
}

function attempt(make: () => DraftArticle | string): DraftArticle | string {
  try {
    return make();
  } catch (error) {
    if (error instanceof WireError) return error.message;
    throw error;
  }
}
