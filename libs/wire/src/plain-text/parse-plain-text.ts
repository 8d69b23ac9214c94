import type { DraftArticle, RelatedItem } from '#contracts';
import { WireError } from '../errors.js';
import { cleanText, dropUndefined } from '../draft/clean.js';
import { bodyFromPlainText } from '../html/body.js';
import type { ParsedItems } from '../draft/parse-result.js';
import { toDraftArticle, type WireParseOptions } from '../xml/draft-article.js';
import { parseTeaserMeta } from './teaser-meta.js';

/**
 * A news page saved as text, one paragraph per line:
 *
 *   Économie                      section (a short first line)
 *   Meta tente de racheter …      headline
 *   Le géant des réseaux …        standfirst (first paragraph after the headline)
 *   Dans une tentative …          body paragraphs, up to the first lone "-"
 *   -
 *   SèteEn Ligne 2 semaines       teaser: kicker + label + age, glued
 *   Sète Agglopôle : …            teaser headline
 *   -                             … one teaser per "-" block
 *
 * Teasers become `related` items and never body text.
 */
export function parsePlainText(text: string, opts: WireParseOptions): ParsedItems {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim());
  const separator = lines.indexOf('-');
  const articleLines = (separator < 0 ? lines : lines.slice(0, separator)).filter((line) => line !== '');
  if (articleLines.length === 0) throw new WireError('empty-document', 'The text page has no text before its teasers');
  const related = separator < 0 ? [] : teasers(lines.slice(separator));
  return { articles: [toArticle(articleLines, related, opts)], skipped: [] };
}

/** A section label is short and is not a sentence: "Économie", "Sport", "Monde / Europe". */
function isSectionLine(line: string): boolean {
  return line.length <= 40 && line.split(/\s+/).length <= 4 && !/[.!?:;,]$/.test(line);
}

interface PageParts {
  section?: string;
  headline: string;
  standfirst?: string;
  /** Body paragraphs (standfirst excluded). */
  paragraphs: string[];
}

/**
 * The first line is the section only when it looks like one and a headline
 * follows; the paragraph after the headline is the standfirst only when body
 * paragraphs follow it (a lone paragraph is the body).
 */
function pageParts(lines: string[]): PageParts {
  const hasSection = lines.length >= 2 && isSectionLine(lines[0]);
  const [headline, ...rest] = hasSection ? lines.slice(1) : lines;
  if (rest.length < 2) return { section: hasSection ? lines[0] : undefined, headline, paragraphs: rest };
  const [standfirst, ...paragraphs] = rest;
  return { section: hasSection ? lines[0] : undefined, headline, standfirst, paragraphs };
}

function toArticle(lines: string[], related: RelatedItem[], opts: WireParseOptions): DraftArticle {
  const { paragraphs, ...fields } = pageParts(lines);
  return toDraftArticle({ ...fields, source: 'plain-text', body: bodyFromPlainText(paragraphs.join('\n')), related }, opts, 'The text page');
}

/** Splits the teaser list at its lone "-" lines; each block is an optional meta line then the headline. */
/** A page lists a dozen teasers; past this many the rest are a scraper's noise, not links to keep with the story. */
const MAX_TEASERS = 50;

function teasers(lines: string[]): RelatedItem[] {
  const blocks: string[][] = [[]];
  for (const line of lines) {
    if (line === '-') blocks.push([]);
    else if (line !== '') blocks[blocks.length - 1].push(line);
  }
  return blocks
    .slice(0, MAX_TEASERS + 1)
    .flatMap((block) => teaser(block) ?? [])
    .slice(0, MAX_TEASERS);
}

function teaser(block: string[]): RelatedItem | undefined {
  if (block.length === 0) return undefined;
  const meta = block.length > 1 ? parseTeaserMeta(block[0]) : undefined;
  const headline = cleanText((meta ? block.slice(1) : block).join(' '));
  if (!headline) return undefined;
  return dropUndefined({ headline, kicker: meta?.kicker?.slice(0, 200), label: meta?.label, age: meta?.age });
}
