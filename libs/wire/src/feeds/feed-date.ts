import { toIsoDateTime } from '../xml/dates.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Month abbreviations of the European feeds that localise RFC 822 dates
 * ("Qui, 13 Ago 2020", "Mi, 12 Okt 2022", "13 févr. 2024"), accents folded:
 * Portuguese, Spanish, French, German, Italian, Dutch. French juin/juillet need four letters.
 */
const LOCAL_MONTHS: Record<string, number> = {
  fev: 1,
  abr: 3,
  mai: 4,
  ago: 7,
  set: 8,
  out: 9,
  dez: 11,
  ene: 0,
  dic: 11,
  janv: 0,
  fevr: 1,
  avr: 3,
  juin: 5,
  juil: 6,
  aou: 7,
  sept: 8,
  okt: 9,
  gen: 0,
  mag: 4,
  giu: 5,
  lug: 6,
  ott: 9,
  mrt: 2,
  mei: 4,
};

function monthIndex(word: string): number {
  const folded = word
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  const english = MONTHS.indexOf(folded.slice(0, 3));
  const local = LOCAL_MONTHS[folded.slice(0, 4)] ?? LOCAL_MONTHS[folded.slice(0, 3)];
  // "juin"/"juil" and "mär" are not English months; every other English prefix is one.
  return local ?? english;
}

/** RFC 822 zone names, plus the European and Asian ones feeds use although RFC 822 does not know them. Minutes east of UTC. */
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  wet: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  bst: 60,
  cet: 60,
  cest: 120,
  met: 60,
  mest: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  ist: 330,
  jst: 540,
  kst: 540,
  aest: 600,
  aedt: 660,
  nzst: 720,
  nzdt: 780,
};

/**
 * "Tue, 10 Jun 2003 04:00:00 GMT", "Sat, 18 May 2019 10:52:50 +0300",
 * "03 Apr 02 1500 GMT" (RSS 0.92), "Wed, 02 Oct 2002 13:00:00 CEST".
 */
const RFC822 = /^(?:\p{L}{2,12}\.?,?\s*)?(\d{1,2})\.?\s+(\p{L}{3,9})\.?\s+(\d{2}|\d{4})\s+(\d{1,2}):?(\d{2})(?::(\d{2}))?\s*([+-]\d{2}:?\d{2}|[a-z]{1,5})?$/iu;

function zoneMinutes(zone: string | undefined): number | undefined {
  if (!zone) return 0;
  const offset = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (offset) return (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
  return ZONES[zone.toLowerCase()];
}

function fromRfc822(value: string): string | undefined {
  const m = RFC822.exec(value);
  if (!m) return undefined;
  const month = monthIndex(m[2]);
  const zone = zoneMinutes(m[7]);
  if (month < 0 || zone === undefined) return undefined;
  // Two-digit years: RFC 822 predates 2000; RFC 2822 reads 00-49 as 20xx.
  const year = m[3].length === 2 ? (Number(m[3]) < 50 ? 2000 : 1900) + Number(m[3]) : Number(m[3]);
  const utc = Date.UTC(year, month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)) - zone * 60_000;
  return Number.isNaN(utc) ? undefined : new Date(utc).toISOString();
}

/** Last resort for forms like "Sat, Dec 14 2019 10:23:11 PM": JS's parser, read as UTC when no zone is given. */
function fromJsDate(value: string): string | undefined {
  const time = Date.parse(/\b(gmt|utc|z|[+-]\d{4})$/i.test(value) ? value : `${value} GMT`);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/**
 * A feed date in any of the forms feeds really use, as UTC ISO 8601; undefined
 * when it cannot be read. Forms without a zone are taken as UTC, never as the
 * server's local time.
 */
export function feedDate(raw: string | undefined): string | undefined {
  const value = raw?.replace(/\s+/g, ' ').trim();
  if (!value) return undefined;
  return fromRfc822(value) ?? toIsoDateTime(value) ?? fromJsDate(value);
}
