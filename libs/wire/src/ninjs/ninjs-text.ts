import { cleanText } from '../draft/clean.js';
import { articleBody } from '../html/body.js';
import type { ArticleBody } from '../xml/draft-article.js';
import { type Json, type TextBlock, pickBlock, prop, str, textBlocks } from './ninjs-json.js';

export interface NinjsText {
  headline?: string;
  subheadline?: string;
  standfirst?: string;
  bodyHtml: string;
  bodyText: string;
}

const HTML_TYPES = /html|xml/i;
const LOOKS_HTML = /^\s*</;

/**
 * 1.x extension properties (`body_html`, `body_richtext`, `headline_main`...):
 * [name, value] pairs of a family, the preferred names first.
 */
function family(doc: Json, prefix: string, preferred: string[]): [string, string][] {
  const entries = Object.entries(doc).flatMap(([key, value]): [string, string][] => {
    const text = key.startsWith(`${prefix}_`) ? str(value) : undefined;
    return text ? [[key, text]] : [];
  });
  const rank = (key: string) => (preferred.includes(key) ? preferred.indexOf(key) : preferred.length);
  return entries.sort((a, b) => rank(a[0]) - rank(b[0]));
}

/** The family's value as a body; HTML when its name or its content says so. */
function familyBody(entries: [string, string][]): ArticleBody | undefined {
  const html = entries.find(([key, value]) => /html/.test(key) || LOOKS_HTML.test(value));
  const chosen = html ?? entries[0];
  return chosen ? articleBody(chosen[1], chosen === html) : undefined;
}

const NO_BODY: ArticleBody = { html: '', text: '' };

function blockBody(block: TextBlock): ArticleBody {
  return articleBody(block.value, HTML_TYPES.test(block.contentType ?? 'text/plain'));
}

/** 1.x: an HTML body_* wins over a text one; 2.x/3.x: the main body block. */
function body(doc: Json): ArticleBody {
  const oneX = familyBody(family(doc, 'body', ['body_html', 'body_xhtml', 'body_richtext', 'body_text']));
  if (oneX) return oneX;
  const block = pickBlock(textBlocks(doc.bodies), ['main', 'body']);
  return block ? blockBody(block) : NO_BODY;
}

function headlines(doc: Json): { headline?: string; subheadline?: string } {
  const oneX = family(doc, 'headline', ['headline_main']);
  const blocks = textBlocks(doc.headlines);
  const sub = blocks.find((b) => b.role && /sub/i.test(b.role));
  const main = pickBlock(blocks.filter((b) => b !== sub), ['main']);
  const oneXMain = str(doc.headline) ?? oneX.find(([key]) => !/sub/.test(key))?.[1];
  return {
    // A title ("a short natural-language name") stands in for a missing headline: events and pictures have only that.
    headline: cleanText(oneXMain ?? main?.value ?? str(doc.title)),
    subheadline: cleanText(oneX.find(([key]) => /sub/.test(key))?.[1] ?? sub?.value),
  };
}

/** The summary: 1.x description_*, 2.x/3.x the summary-like description block. */
function standfirst(doc: Json): string | undefined {
  const oneX = familyBody(family(doc, 'description', ['description_text', 'description_html']));
  if (oneX) return cleanText(oneX.text, 5000);
  const block = pickBlock(textBlocks(prop(doc, 'descriptions')), ['summary', 'abstract', 'description', 'text']);
  return block ? cleanText(blockBody(block).text, 5000) : undefined;
}

export function ninjsText(doc: Json): NinjsText {
  const { html, text } = body(doc);
  return { ...headlines(doc), standfirst: standfirst(doc), bodyHtml: html, bodyText: text };
}
