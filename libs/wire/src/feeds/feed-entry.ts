import type { ArticleBody } from '../xml/draft-article.js';

/** A category as feeds give it: RSS `<category domain>`, Atom `<category term scheme label>`, `dc:subject`. */
export interface FeedCategory {
  term: string;
  scheme?: string;
  label?: string;
}

/** One RSS item or Atom entry, read into the fields both formats share. */
export interface FeedEntry {
  title?: string;
  /** RSS description / Atom summary. */
  summary?: ArticleBody;
  /** RSS content:encoded / Atom content. */
  content?: ArticleBody;
  author?: string;
  categories: FeedCategory[];
  id?: string;
  link?: string;
  /** Dates as written; parsed later. */
  published?: string;
  updated?: string;
  language?: string;
}

/** What the feed says about itself, inherited by its items. */
export interface FeedChannel {
  title?: string;
  link?: string;
  language?: string;
}

export interface FeedReading {
  channel: FeedChannel;
  entries: FeedEntry[];
}
