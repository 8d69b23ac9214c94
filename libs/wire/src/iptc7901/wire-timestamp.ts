const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Two-digit years on the wire are this century's. */
const fullYear = (yy: string) => 2000 + Number(yy);

function iso(year: number, month: number, day: number, hour: string, minute: string): string | undefined {
  const time = Date.UTC(year, month - 1, day, Number(hour), Number(minute));
  const date = new Date(time);
  // Date.UTC rolls 31 Nov into December: a roll-over means the stamp was not a date.
  return date.getUTCDate() === day && date.getUTCMonth() === month - 1 ? date.toISOString() : undefined;
}

/**
 * The post-text time stamp, always GMT on both wires:
 * IPTC 7901 (dpa) "131137 GMT Nov 13" = day 13, 11:37, November 2013;
 * ANPA 1312 (AP) "AP-WF-11-13-13 1509GMT" = 11/13/13 15:09.
 */
export function wireTimestamp(trailer: string): string | undefined {
  const dpa = /(\d{2})(\d{2})(\d{2}) GMT ([A-Za-z]{3}) (\d{2})\b/.exec(trailer);
  if (dpa) {
    const month = MONTHS.indexOf(dpa[4].toLowerCase()) + 1;
    return month ? iso(fullYear(dpa[5]), month, Number(dpa[1]), dpa[2], dpa[3]) : undefined;
  }
  const ap = /(\d{2})-(\d{2})-(\d{2}) (\d{2})(\d{2}) ?GMT/.exec(trailer);
  return ap ? iso(fullYear(ap[3]), Number(ap[1]), Number(ap[2]), ap[4], ap[5]) : undefined;
}
