import type { DraftArticle, Provenance, SubjectTag } from '#contracts';
import { WireError } from '../errors.js';
import { dropUndefined } from '../draft/clean.js';
import { bodyFromPlainText } from '../html/body.js';
import { type ParsedItems, collectItems } from '../draft/parse-result.js';
import { toDraftArticle, type WireParseOptions } from '../xml/draft-article.js';
import { splitEnvelope, splitMessages } from './envelope.js';
import { type WireHeading, anpaHeading, iptc7901Heading } from './heading.js';
import { datelineOf, readWireText } from './wire-text.js';
import { wireTimestamp } from './wire-timestamp.js';

/** ANPA/IPTC 7901 category letters as agencies use them. */
const CATEGORY_NAMES: Record<string, string> = {
  a: 'Domestic',
  b: 'Business',
  e: 'Entertainment',
  f: 'Finance',
  i: 'International',
  l: 'Lifestyle',
  p: 'Politics',
  q: 'Sports results',
  s: 'Sports',
  v: 'Advisories',
  w: 'Washington',
};

function categorySubject(scheme: string, category: string | undefined, provenance: Provenance): SubjectTag[] {
  if (!category) return [];
  return [dropUndefined({ scheme, code: `${scheme}:${category}`, name: CATEGORY_NAMES[category], provenance })];
}

/**
 * IPTC 7901 or ANPA 1312 → one article per message: a capture of several
 * messages gives each its own, a message that cannot be read is skipped with
 * its reason. The agency is the one the dateline names ("Berlin (dpa) -"); the
 * version time is the post-text time stamp, else when ingest received it.
 */
export function parseIptc7901(capture: string, opts: WireParseOptions): ParsedItems {
  const messages = splitMessages(capture);
  if (messages.length <= 1) return { articles: [parseMessage(capture, opts)], skipped: [] };
  return collectItems(messages, (message) => parseMessage(message, opts), opts.maxItems);
}

function parseMessage(message: string, opts: WireParseOptions): DraftArticle {
  const envelope = splitEnvelope(message);
  if (!envelope) throw new WireError('unsupported-format', 'No SOH ... STX envelope: not an IPTC 7901 / ANPA 1312 message');
  const format = envelope.anpa ? 'anpa1312' : 'iptc7901';
  const heading: WireHeading = envelope.anpa ? anpaHeading(envelope.header) : iptc7901Heading(envelope.header);
  const text = readWireText(envelope.text, envelope.anpa);
  if (!text.headline) throw new WireError('no-text-item', `The ${format} message has no headline line`);
  const dateline = datelineOf(text.paragraphs[0]);
  const agency = dateline?.agency.toLowerCase() ?? format;
  const provenance: Provenance = { source: 'provider', by: agency };
  return toDraftArticle(
    {
      source: agency,
      provider: agency,
      externalId: heading.messageId,
      headline: text.headline,
      byline: text.byline,
      dateline: dateline ? `${dateline.place} (${dateline.agency})` : undefined,
      located: dateline?.place,
      urgency: heading.urgency,
      body: bodyFromPlainText(text.paragraphs.join('\n')),
      versionCreated: wireTimestamp(envelope.trailer),
      subjects: categorySubject(`${format}-category`, heading.category, provenance),
      keywords: heading.keywords.map((value) => ({ value: value.slice(0, 200), provenance })),
    },
    opts,
    `The ${format} message`,
  );
}
