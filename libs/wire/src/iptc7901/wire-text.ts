/**
 * The text between STX and ETX: a few head lines (take indicator, headline,
 * byline, editors' notes), then hard-wrapped paragraphs.
 *
 * IPTC 7901 (dpa): head lines run to the first blank line and end with " =";
 * paragraphs are separated by blank lines and indented.
 * ANPA 1312 (AP): head lines start with "^" and end with "<" or "=";
 * each paragraph is one line starting with a tab.
 */
export interface WireText {
  headline?: string;
  byline?: string;
  paragraphs: string[];
}

/** "1ST LEAD", "URGENT", "CORRECTION", "2nd Ld-Writethru": says which take, not what happened. */
const TAKE = /^(\d+(st|nd|rd|th) (lead|ld)\b.*|urgent|flash|bulletin|correction|corrected|refile|update( \d+)?|writethru|eds?:.*|editors?'? ?notes?:.*)$/i;
const BYLINE = /^by\s/i;
/** AP's repeated slug line ("BC-LT--Argentina-Cancer Beauty,466") and photo notes ("AP Photo XNP101"). */
const ANPA_SLUG_OR_NOTE = /^((am|pm|bc)-\S+.*|ap photos?\b.*)$/i;
/** Not-for-publication tails: dpa's notebook ("# dpa NOTEBOOK") and explicit notices. */
const NOT_FOR_PUBLICATION = /^#\s|not for publication/i;
/** A sign-off of agency + desk initials ("dpa wsz jln npr"). */
const SIGN_OFF = /^[a-z]{2,5}( [a-z]{2,4}){1,6}$/;
/** Rules between body and notes ("___", "* * * *"). */
const RULE = /^[_*\-\s]+$/;

/** Strips the end-of-line codes (" =", "<") and ANPA's leading "^". */
function clean(line: string): string {
  return line
    .replace(/^\^/, '')
    .replace(/\s*[=<]+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function splitHead(lines: string[], anpa: boolean): [string[], string[]] {
  const start = lines.findIndex((line) => line.trim() !== '');
  const rest = lines.slice(start < 0 ? lines.length : start);
  const end = anpa ? rest.findIndex((line) => !line.startsWith('^')) : rest.findIndex((line) => line.trim() === '');
  return end < 0 ? [rest, []] : [rest.slice(0, end), rest.slice(end)];
}

function readHead(head: string[]): Pick<WireText, 'headline' | 'byline'> {
  let headline: string | undefined;
  const byline: string[] = [];
  for (const raw of head.map(clean).filter((line) => line !== '')) {
    if (TAKE.test(raw) || ANPA_SLUG_OR_NOTE.test(raw)) continue;
    if (BYLINE.test(raw) || (byline.length > 0 && raw.split(' ').length <= 4)) byline.push(raw);
    else headline ??= raw;
  }
  return { headline, byline: byline.length ? byline.join(', ') : undefined };
}

/** Blank lines, or an indented line (tab, three spaces), start a new paragraph; other lines continue one. */
function paragraphsOf(lines: string[]): string[] {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) paragraphs.push(current);
    current = [];
  };
  for (const line of lines) {
    if (line.trim() === '' || /^(\t| {3})/.test(line)) flush();
    if (line.trim() !== '') current.push(line.trim());
  }
  flush();
  return paragraphs.map((p) => p.join(' ').replace(/\s*<$/, '').replace(/\s+/g, ' '));
}

function publishable(paragraphs: string[]): string[] {
  const stop = paragraphs.findIndex((p) => NOT_FOR_PUBLICATION.test(p));
  const kept = (stop < 0 ? paragraphs : paragraphs.slice(0, stop)).filter((p) => !RULE.test(p));
  if (kept.length && SIGN_OFF.test(kept[kept.length - 1])) kept.pop();
  return kept;
}

export function readWireText(text: string, anpa: boolean): WireText {
  const [head, body] = splitHead(text.split(/\r?\n/), anpa);
  return { ...readHead(head), paragraphs: publishable(paragraphsOf(body)) };
}

/** "Berlin (dpa) - …", "BUENOS AIRES, Argentina (AP) _ …": the place and the agency that filed. */
export function datelineOf(paragraph: string | undefined): { place: string; agency: string } | undefined {
  const match = /^([^()]{2,60}?) \(([A-Za-z]{2,10})\) [-–—_] /.exec(paragraph ?? '');
  return match ? { place: match[1].trim(), agency: match[2] } : undefined;
}
