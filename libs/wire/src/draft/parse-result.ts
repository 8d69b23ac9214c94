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

/**
 * Maps every item of a multi-item document (feed, ninjs batch) to an article,
 * turning an item's WireError or returned reason into a skip so one bad item
 * never loses the others. Any other exception is a bug and propagates.
 */
export function collectItems<T>(items: T[], toArticle: (item: T) => DraftArticle | string): ParsedItems {
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
