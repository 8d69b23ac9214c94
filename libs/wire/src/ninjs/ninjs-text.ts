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
  /** Where the body came from ("body_html", "bodies[main]", "descriptions[text]"); absent when every body is empty. */
  bodyFrom?: string;
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

/** Roles under which 2.x/3.x senders put the story text itself, not a summary. */
const BODY_ROLES = ['main', 'body', 'text', 'content', 'full'];
/** Roles of a description that is a summary: the standfirst, never the body. */
const MEDIA_TYPES = /^(?:picture|video|audio|graphic)$/;
const SUMMARY_ROLES = ['summary', 'abstract', 'description', 'teaser', 'lead'];

interface ChosenBody {
  body: ArticleBody;
  from: string;
}

function firstNonEmpty(blocks: TextBlock[], place: string): ChosenBody | undefined {
  for (const block of blocks) {
    const body = blockBody(block);
    if (body.text) return { body, from: `${place}[${block.role ?? ''}]` };
  }
  return undefined;
}

const byRole = (blocks: TextBlock[], roles: string[]) => roles.flatMap((role) => blocks.filter((b) => b.role?.toLowerCase() === role));

/**
 * Every place the ninjs 1.x-3.x schemas allow a story body, in this order (docs/formats.md):
 * 1. 1.x `body_html`, `body_xhtml`, `body_richtext`, `body_text`, then any other `body_*`;
 * 2. `bodies[]` with a body role (main, body, text, content, full), then one without a role,
 *    then any other non-empty block;
 * 3. `descriptions[]` with a body role (ninjs 2.x senders such as NTB put the story in
 *    `role: "text"`), except in a picture, video, audio or graphic item, where it is the
 *    caption. A summary-role description stays the standfirst.
 * A block that sanitises to nothing (an empty `main`) does not stop the search.
 */
function body(doc: Json): ChosenBody | undefined {
  const oneX = family(doc, 'body', ['body_html', 'body_xhtml', 'body_richtext', 'body_text']);
  const html = familyBody(oneX);
  if (html?.text) return { body: html, from: oneX.find(([key]) => /html/.test(key))?.[0] ?? oneX[0][0] };
  for (const [key, value] of oneX) {
    const text = articleBody(value, LOOKS_HTML.test(value));
    if (text.text) return { body: text, from: key };
  }
  const bodies = textBlocks(doc.bodies);
  const ordered = [...byRole(bodies, BODY_ROLES), ...bodies.filter((b) => !b.role), ...bodies];
  const captioned = MEDIA_TYPES.test(str(doc.type) ?? '');
  return firstNonEmpty(ordered, 'bodies') ?? (captioned ? undefined : firstNonEmpty(byRole(textBlocks(doc.descriptions), BODY_ROLES), 'descriptions'));
}

function headlines(doc: Json): { headline?: string; subheadline?: string } {
  const oneX = family(doc, 'headline', ['headline_main']);
  const blocks = textBlocks(doc.headlines);
  const sub = blocks.find((b) => b.role && /sub/i.test(b.role));
  const main = pickBlock(
    blocks.filter((b) => b !== sub),
    ['main'],
  );
  const oneXMain = str(doc.headline) ?? oneX.find(([key]) => !/sub/.test(key))?.[1];
  return {
    // A title ("a short natural-language name") stands in for a missing headline: events and pictures have only that.
    headline: cleanText(oneXMain ?? main?.value ?? str(doc.title)),
    subheadline: cleanText(oneX.find(([key]) => /sub/.test(key))?.[1] ?? sub?.value),
  };
}

/** The summary: 1.x description_*, 2.x/3.x the summary-like description block (a text-role one when it is not the body). */
function standfirst(doc: Json, bodyFrom: string | undefined): string | undefined {
  const oneX = familyBody(family(doc, 'description', ['description_text', 'description_html']));
  if (oneX) return cleanText(oneX.text, 5000);
  const blocks = textBlocks(prop(doc, 'descriptions'));
  const summary = byRole(blocks, SUMMARY_ROLES)[0];
  const block = summary ?? (bodyFrom?.startsWith('descriptions') ? undefined : pickBlock(blocks, ['text']));
  return block ? cleanText(blockBody(block).text, 5000) : undefined;
}

export function ninjsText(doc: Json): NinjsText {
  const chosen = body(doc);
  const found = chosen?.body ?? NO_BODY;
  return { ...headlines(doc), standfirst: standfirst(doc, chosen?.from), bodyHtml: found.html, bodyText: found.text, bodyFrom: chosen?.from };
}
