import * as chrono from 'chrono-node';
import { tokenize, type Token } from '../text-facts/tokenize.js';
import { findCues, type Span } from './date-cues.js';

export interface DateFound {
  /** YYYY-MM-DD, or a full ISO date-time when the text gives the hour. */
  date: string;
  text: string;
  start: number;
  end: number;
}

/** Enough context for "mardi 14 juillet 2024 à 15 h" around the cue "juillet". */
const WINDOW = 20;
/** Bounds the cost on long texts full of dates: chrono's time grows with its input. */
const MAX_CUES = 10;
// chrono does not read a date across a blank line and a full stop.
const SEPARATOR = '\n\n.\n\n';

interface Segment extends Span {
  /** Where this window starts in the joined string handed to chrono. */
  at: number;
}

/** Widens each cue to its neighbourhood and merges neighbours into one window. */
function windows(text: string, cues: readonly Span[]): Span[] {
  const merged: Span[] = [];
  for (const cue of cues) {
    const start = Math.max(0, cue.start - WINDOW);
    const end = Math.min(text.length, cue.end + WINDOW);
    const last = merged.at(-1);
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  return merged;
}

/** All windows in one string: one chrono call costs about as much as a short one. */
function join(text: string, spans: readonly Span[]): { joined: string; segments: Segment[] } {
  let joined = '';
  const segments: Segment[] = [];
  for (const span of spans) {
    if (joined) joined += SEPARATOR;
    segments.push({ ...span, at: joined.length });
    joined += text.slice(span.start, span.end);
  }
  return { joined, segments };
}

/**
 * chrono's casual parsers minus those for "3 days ago", "within a week", "next month": no date
 * cue occurs in what they match, so their results would be dropped anyway. Halves chrono's time.
 */
function slim(parser: chrono.Chrono): chrono.Chrono {
  const copy = parser.clone();
  copy.parsers = copy.parsers.filter((p) => !/TimeUnit|RelativeDate/.test(p.constructor.name));
  return copy;
}

const PARSERS = { fr: slim(chrono.fr.casual), en: slim(chrono.en.casual) };

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function formatDate(result: chrono.ParsedResult): string {
  const c = result.start;
  const day = `${pad(c.get('year') ?? 0, 4)}-${pad(c.get('month') ?? 1)}-${pad(c.get('day') ?? 1)}`;
  return c.isCertain('hour') ? result.date().toISOString() : day;
}

function toOriginal(result: chrono.ParsedResult, segments: readonly Segment[], cues: readonly Span[]): DateFound | undefined {
  const segment = segments.findLast((s) => s.at <= result.index);
  if (!segment || result.index + result.text.length > segment.at + (segment.end - segment.start)) return undefined;
  const start = segment.start + result.index - segment.at;
  const end = start + result.text.length;
  if (!cues.some((cue) => cue.start < end && start < cue.end)) return undefined;
  return { date: formatDate(result), text: result.text, start, end };
}

/** Dates mentioned in the text, resolved against `reference` (the article's date). */
export function extractDates(text: string, reference: Date, language?: string, tokens?: readonly Token[]): DateFound[] {
  const cues = findCues(text, tokens ?? tokenize(text), MAX_CUES);
  if (cues.length === 0) return [];
  const { joined, segments } = join(text, windows(text, cues));
  const parser = language === 'fr' ? PARSERS.fr : PARSERS.en;
  return parser
    .parse(joined, reference)
    .map((result) => toOriginal(result, segments, cues))
    .filter((d): d is DateFound => d !== undefined);
}
