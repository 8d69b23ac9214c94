import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';

// ajv-formats is CommonJS; under ESM its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;
const ATOM_RNG = readFileSync(new URL('./atom.rng', import.meta.url), 'utf8');

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
type Node = Record<string, any>;

/**
 * What RFC 4287 says of an Atom document: its RELAX NG schema (Appendix B, run
 * by libxml2's xmllint), then the rules the RFC states in prose, then what
 * Dépêche promises on top (an author on every entry, plain text as type="text",
 * updated never before published). Empty when the document holds to all.
 */
export async function atomErrors(document: string): Promise<string[]> {
  const schema = await validateXML({
    xml: { fileName: 'feed.atom', contents: document },
    schema: { fileName: 'atom.rng', contents: ATOM_RNG },
    extension: 'relaxng',
  });
  const errors = schema.errors.map((e) => `schema: ${e.message}`);
  const feed = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: false }).parse(document).feed as Node | undefined;
  if (!feed) return [...errors, 'no atom:feed element'];
  const feedHasAuthor = asArray(feed.author).length > 0;
  asArray<Node>(feed.entry).forEach((entry, index) => errors.push(...entryErrors(entry, feedHasAuthor).map((e) => `entry ${index}: ${e}`)));
  const ids = asArray<Node>(feed.entry).map((e) => e.id);
  if (new Set(ids).size !== ids.length) errors.push('two entries share an atom:id');
  return errors;
}

function entryErrors(entry: Node, feedHasAuthor: boolean): string[] {
  const errors: string[] = [];
  const authors = asArray<Node>(entry.author);
  // RFC 4287 §4.1.2: an entry without an author needs one on the feed; Dépêche gives each its own.
  if (!authors.length && !feedHasAuthor) errors.push('no atom:author here or on the feed (RFC 4287 §4.1.2)');
  if (!authors.length) errors.push('no atom:author of its own');
  if (authors.some((a) => !String(a.name ?? '').trim())) errors.push('an atom:author with an empty name');
  // §4.1.2: no content means an alternate link is required.
  const links = asArray<Node>(entry.link);
  if (entry.content === undefined && !links.some((l) => (l['@_rel'] ?? 'alternate') === 'alternate')) errors.push('neither atom:content nor an alternate link');
  const alternates = links.filter((l) => (l['@_rel'] ?? 'alternate') === 'alternate').map((l) => `${l['@_type'] ?? ''} ${l['@_hreflang'] ?? ''}`);
  if (new Set(alternates).size !== alternates.length) errors.push('two alternate links with the same type and hreflang (§4.1.2)');
  for (const field of ['title', 'summary']) {
    const construct = entry[field] as Node | string | undefined;
    if (construct === undefined) continue;
    const type = typeof construct === 'string' ? 'text' : (construct['@_type'] ?? 'text');
    if (type !== 'text') errors.push(`atom:${field} is type="${type}", not plain text`);
  }
  const published = entry.published === undefined ? undefined : Date.parse(entry.published);
  if (published !== undefined && Date.parse(entry.updated) < published) errors.push(`updated ${entry.updated} before published ${entry.published}`);
  if (!/^[a-z][a-z0-9+.-]*:/i.test(String(entry.id))) errors.push(`atom:id ${entry.id} is not an IRI (§4.2.6)`);
  return errors;
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1) as a schema: what the spec says is required, and the types it gives. */
const JSON_FEED_1_1 = {
  type: 'object',
  required: ['version', 'title', 'items'],
  properties: {
    version: { const: 'https://jsonfeed.org/version/1.1' },
    title: { type: 'string', minLength: 1 },
    home_page_url: { type: 'string', format: 'uri' },
    feed_url: { type: 'string', format: 'uri' },
    description: { type: 'string' },
    language: { type: 'string', pattern: '^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$' },
    expired: { type: 'boolean' },
    authors: { $ref: '#/$defs/authors' },
    // 1.1 deprecates the single author object: a feed for 1.1 readers sends authors.
    author: false,
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id'],
        anyOf: [{ required: ['content_html'] }, { required: ['content_text'] }],
        properties: {
          id: { type: 'string', minLength: 1 },
          url: { type: 'string', format: 'uri' },
          external_url: { type: 'string', format: 'uri' },
          title: { type: 'string' },
          content_html: { type: 'string' },
          content_text: { type: 'string' },
          summary: { type: 'string' },
          image: { type: 'string', format: 'uri' },
          date_published: { type: 'string', format: 'date-time' },
          date_modified: { type: 'string', format: 'date-time' },
          authors: { $ref: '#/$defs/authors' },
          author: false,
          tags: { type: 'array', items: { type: 'string' } },
          language: { type: 'string', pattern: '^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$' },
        },
      },
    },
  },
  $defs: {
    authors: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        anyOf: [{ required: ['name'] }, { required: ['url'] }, { required: ['avatar'] }],
        properties: { name: { type: 'string', minLength: 1 }, url: { type: 'string', format: 'uri' }, avatar: { type: 'string', format: 'uri' } },
      },
    },
  },
};

const checkJsonFeed = addFormats(new Ajv2020({ allErrors: true, strict: false })).compile(JSON_FEED_1_1);

/**
 * The JSON Feed 1.1 rules, and what Dépêche promises on top: authors and
 * language on the feed, both content_html and content_text on each item,
 * date_modified never before date_published, ids unique.
 */
export function jsonFeedErrors(feed: Node): string[] {
  const errors = checkJsonFeed(feed) ? [] : (checkJsonFeed.errors ?? []).map((e) => `schema: ${e.instancePath || '(root)'} ${e.message}`);
  if (!feed.authors) errors.push('no authors on the feed');
  if (!feed.language) errors.push('no language on the feed');
  asArray<Node>(feed.items).forEach((item, index) => {
    if (typeof item.content_html !== 'string' || typeof item.content_text !== 'string')
      errors.push(`item ${index}: content_html and content_text are not both there`);
    if (!item.authors) errors.push(`item ${index}: no authors`);
    if (item.date_published && item.date_modified && Date.parse(item.date_modified) < Date.parse(item.date_published))
      errors.push(`item ${index}: date_modified before date_published`);
  });
  const ids = asArray<Node>(feed.items).map((i) => i.id);
  if (new Set(ids).size !== ids.length) errors.push('two items share an id');
  return errors;
}
