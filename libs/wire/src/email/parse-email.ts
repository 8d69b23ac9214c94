import PostalMime, { type Address, type Email } from 'postal-mime';
import type { DraftArticle } from '#contracts';
import { WireError } from '../errors.js';
import { cleanText } from '../draft/clean.js';
import { bodyFromHtml, bodyFromPlainText } from '../html/body.js';
import { feedDate } from '../feeds/feed-date.js';
import { sourceName, toDraftArticle, type WireParseOptions } from '../xml/draft-article.js';

/** Header fields every RFC 822 message starts with; two of them before the first blank line make a message. */
const HEADER_FIELDS = /^(?:from|to|subject|date|message-id|mime-version|content-type|received|return-path|reply-to):/i;

/** "Fwd:", "AW:", "TR:", "RE:" and list tags ("[dpa-eil]") are the mailer's, not the headline's. */
const SUBJECT_PREFIX = /^(?:\s*(?:re|fwd?|aw|wg|tr|sv|vs|rv|enc)\s*:\s*|\s*\[[^\]]{1,40}\]\s*)+/i;

const MAX_NOTES = 20;

/** True when the text starts with an RFC 822 header block (or is declared message/rfc822). */
export function looksLikeEmail(text: string, contentType?: string): boolean {
  if (/^message\/rfc822\b/i.test(contentType ?? '')) return true;
  const head = text
    .slice(0, 8192)
    .split(/\r?\n\r?\n/, 1)[0]
    .split(/\r?\n/);
  const fields = head.filter((line) => HEADER_FIELDS.test(line));
  return fields.length >= 2 && head.every((line) => /^[\x21-\x39\x3b-\x7e]+:|^[ \t]/.test(line));
}

function mailbox(address: Address | undefined): { name?: string; domain?: string } {
  if (!address || !('address' in address)) return {};
  return { name: address.name || undefined, domain: address.address?.split('@')[1]?.toLowerCase() };
}

/** Attachments are not copy: each is named in the article's origin, none is read. */
function attachmentNotes(email: Email): string[] {
  const attached = email.attachments.filter((a) => !a.related);
  if (!attached.length) return [];
  const names = attached.map((a) => `${a.filename ?? 'unnamed'} (${a.mimeType})`);
  const note = `${attached.length} attachment${attached.length > 1 ? 's' : ''} ignored: ${names.join(', ')}`;
  return [note.slice(0, 500)].slice(0, MAX_NOTES);
}

function body(email: Email): { body?: { html: string; text: string }; bodyFrom?: string } {
  const html = email.html ? bodyFromHtml(email.html) : undefined;
  if (html) return { body: html, bodyFrom: 'text/html' };
  const text = email.text ? bodyFromPlainText(email.text.replace(/\r\n/g, '\n')) : undefined;
  return text ? { body: text, bodyFrom: 'text/plain' } : {};
}

function header(email: Email, key: string): string | undefined {
  return email.headers.find((h) => h.key === key)?.value.trim() || undefined;
}

/**
 * E-mail copy (RFC 822 / MIME) → one article. The subject is the headline, the
 * HTML part (sanitised) or else the text part the body, the sender's domain the
 * source, Message-ID the external id and Date the version time. Attachments are
 * ignored, and the article's origin says so.
 */
export async function parseEmail(bytes: Uint8Array, opts: WireParseOptions): Promise<DraftArticle> {
  let email: Email;
  try {
    email = await PostalMime.parse(bytes, { maxNestingDepth: 20, attachmentEncoding: 'arraybuffer' });
  } catch (error) {
    throw new WireError('unsupported-format', `Not a readable e-mail message: ${(error as Error).message}`);
  }
  const from = mailbox(email.from);
  const provider = from.name ?? from.domain;
  const { body: text, bodyFrom } = body(email);
  const notes = attachmentNotes(email);
  const date = email.date ? (feedDate(email.date) ?? undefined) : undefined;
  return toDraftArticle(
    {
      headline: cleanText(email.subject?.replace(SUBJECT_PREFIX, '')),
      body: text,
      source: from.domain ? sourceName(from.domain) : 'email',
      provider: cleanText(provider, 200),
      externalId: email.messageId?.replace(/^<|>$/g, ''),
      language: header(email, 'content-language')?.split(',')[0],
      versionCreated: date,
      firstCreated: date,
      origin: { format: 'email', ...(bodyFrom ? { bodyFrom } : {}), ...(notes.length ? { notes } : {}) },
    },
    opts,
    'The e-mail',
  );
}
