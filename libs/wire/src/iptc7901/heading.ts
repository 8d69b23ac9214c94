/**
 * What the header lines before STX say. IPTC 7901 heading:
 *   "eca062 4 i 211 ccccb   dpa 061" = source id + message number, priority,
 *   category, word count, optional information; then the keyword (slug) line
 *   "Germany-politics/".
 * ANPA 1312 heading:
 *   "W2870<US>asian" = service level + sequence number, selector code;
 *   "f l<DC3><DC1> BC-LT--Argentina-CancerB     11-13 1049" = priority,
 *   category, format codes, then cycle + slug + take key, date, word count
 *   (of which we read priority and category).
 */
export interface WireHeading {
  messageId?: string;
  /** 1 (flash) .. 9, as the canonical article's urgency. */
  urgency?: number;
  category?: string;
  keywords: string[];
}

const IPTC7901_HEADING = /^([a-z]{1,4})(\d{2,4}) +(\d) +([a-z]{1,3}) +(\d+)?/i;
const ANPA_FIRST = /^([a-z])(\d{4})\x1f?([a-z-]*)/i;
const ANPA_SECOND = /^([a-z]) ([a-z])[\x13\x14][\x11\x12]/i;

/** ANPA priority letters: flash, bulletin, urgent, regular, deferred/weekend advance. */
const ANPA_PRIORITY: Record<string, number> = { f: 1, b: 2, u: 3, r: 5, d: 6, a: 6, w: 6 };

const lines = (header: string) =>
  header
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

export function iptc7901Heading(header: string): WireHeading {
  const [first = '', ...rest] = lines(header);
  const match = IPTC7901_HEADING.exec(first);
  // The keyword line: slash-separated keywords ("Germany-football/Munich/Mueller/").
  const keywords = rest
    .flatMap((line) => line.split('/'))
    .map((k) => k.trim())
    .filter((k) => k !== '');
  if (!match) return { keywords };
  const priority = Number(match[3]);
  return {
    messageId: `${match[1]}${match[2]}`,
    urgency: priority >= 1 && priority <= 9 ? priority : undefined,
    category: match[4].toLowerCase(),
    keywords,
  };
}

export function anpaHeading(header: string): WireHeading {
  const [first = '', second = ''] = lines(header);
  const id = ANPA_FIRST.exec(first);
  const meta = ANPA_SECOND.exec(second);
  return {
    messageId: id ? `${id[1]}${id[2]}` : undefined,
    urgency: meta ? ANPA_PRIORITY[meta[1].toLowerCase()] : undefined,
    category: meta?.[2].toLowerCase(),
    // Not the slug: its take key is glued on ("Argentina-CancerB") and cannot be told apart reliably.
    keywords: [],
  };
}
