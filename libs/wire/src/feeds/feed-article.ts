import { createHash } from 'node:crypto';
import type { DraftArticle, KeywordTag, Provenance, SubjectTag } from '#contracts';
import { dropUndefined } from '../draft/clean.js';
import { sourceName, toDraftArticle, type WireParseOptions } from '../xml/draft-article.js';
import type { FeedCategory, FeedChannel, FeedEntry } from './feed-entry.js';
import { feedDate } from './feed-date.js';
import { hostOf } from './feed-link.js';

/** A category with a scheme (RSS domain, Atom scheme) is a coded subject; a bare one is a keyword. */
function tags(categories: FeedCategory[], provenance: Provenance): { subjects: SubjectTag[]; keywords: KeywordTag[] } {
  const subjects: SubjectTag[] = [];
  const keywords: KeywordTag[] = [];
  for (const { term, scheme, label } of categories) {
    const code = term.slice(0, 300);
    if (scheme) subjects.push(dropUndefined({ code, scheme: scheme.slice(0, 100), name: label, provenance }));
    else keywords.push({ value: (label ?? term).slice(0, 200), provenance });
  }
  return { subjects, keywords };
}

/**
 * The item's identity for dedupe: guid/id, else its link, else a hash of what
 * makes it this item (title and date), so a re-poll of the same item matches.
 */
function externalId(entry: FeedEntry): string {
  const known = entry.id ?? entry.link;
  if (known) return known;
  const digest = createHash('sha256').update(`${entry.title ?? ''}\n${entry.updated ?? entry.published ?? ''}`);
  return `sha256:${digest.digest('hex')}`;
}

/** The summary becomes the standfirst only beside a full content; alone, it is the body. */
function bodyAndStandfirst(entry: FeedEntry) {
  if (!entry.content) return { body: entry.summary, standfirst: undefined };
  const summary = entry.summary?.text.replace(/\s+/g, ' ').trim();
  const repeats = summary && entry.content.text.replace(/\s+/g, ' ').startsWith(summary);
  return { body: entry.content, standfirst: repeats ? undefined : summary };
}

/**
 * Headline feeds send items with a title and a link and no text: a desk keeps them as briefs that
 * link to the story at its source. A title alone, with no text and nowhere to read more, says too
 * little to publish.
 */
function withoutText(entry: FeedEntry): string | undefined {
  if (entry.summary?.text.trim() || entry.content?.text.trim()) return undefined;
  if (!entry.title) return 'Feed item has no title and no text';
  if (!entry.link) return 'Feed item has a title but no text and no link to read it at';
  return undefined;
}

export function feedArticle(entry: FeedEntry, channel: FeedChannel, opts: WireParseOptions): DraftArticle | string {
  const refused = withoutText(entry);
  if (refused) return refused;
  const provider = channel.title;
  const source = sourceName(hostOf(channel.link) ?? provider ?? 'feed');
  const provenance: Provenance = { source: 'provider', by: source };
  const published = feedDate(entry.published);
  return toDraftArticle(
    {
      ...bodyAndStandfirst(entry),
      ...tags(entry.categories, provenance),
      source,
      provider,
      externalId: externalId(entry),
      uri: entry.link,
      headline: entry.title,
      genre: entry.summary?.text.trim() || entry.content?.text.trim() ? undefined : 'brief',
      byline: entry.author,
      language: entry.language ?? channel.language,
      firstCreated: published,
      versionCreated: feedDate(entry.updated) ?? published,
    },
    opts,
    'The feed item',
  );
}
