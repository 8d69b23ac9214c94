/**
 * The transmission envelope shared by IPTC 7901 and ANPA 1312: control
 * characters frame a header, the text and a post-text trailer.
 *
 *   [SYN SYN] SOH header STX text ETX trailer EOT
 */
export const SOH = '\x01';
export const STX = '\x02';
export const ETX = '\x03';
export const EOT = '\x04';
const SYN = '\x16';
const US = '\x1f';

export interface WireEnvelope {
  /** ANPA 1312 (AP, US agencies) rather than IPTC 7901 (dpa, European agencies). */
  anpa: boolean;
  header: string;
  text: string;
  trailer: string;
}

/** True when the text starts (after line noise and SYN fill) with SOH and carries an STX. */
export function hasWireEnvelope(text: string): boolean {
  return /^[\x16\r\n\s]*\x01/.test(text.slice(0, 64)) && text.includes(STX);
}

/**
 * Cuts a message into its parts. ANPA is told apart by its SYN fill or by the
 * unit separator (US) between service/sequence and selector in its header.
 */
export function splitEnvelope(message: string): WireEnvelope | undefined {
  const start = message.indexOf(SOH);
  const textStart = message.indexOf(STX, start + 1);
  if (start < 0 || textStart < 0) return undefined;
  const textEnd = message.indexOf(ETX, textStart + 1);
  const end = message.indexOf(EOT, textEnd < 0 ? textStart + 1 : textEnd + 1);
  const header = message.slice(start + 1, textStart);
  return {
    anpa: message.slice(0, start).includes(SYN) || header.includes(US),
    header,
    text: message.slice(textStart + 1, textEnd < 0 ? (end < 0 ? undefined : end) : textEnd),
    trailer: textEnd < 0 ? '' : message.slice(textEnd + 1, end < 0 ? undefined : end),
  };
}

/**
 * A wire capture holds message after message (SOH ... ETX ... EOT, SOH ...):
 * one string per message, with the SYN fill before its SOH. An SOH starts a
 * message only before the first ETX/EOT or after the previous message's, so a
 * stray SOH inside a text does not split it. One pass over the characters:
 * linear whatever the capture holds (a pattern that rescans from every ETX
 * took minutes over a few megabytes of them).
 */
export function splitMessages(capture: string): string[] {
  const starts: number[] = [];
  let open = true; // no message started since the last ETX/EOT (or since the start)
  for (let i = capture.indexOf(SOH); i >= 0 && i < capture.length; i++) {
    const code = capture.charCodeAt(i);
    if (code === 0x03 || code === 0x04) open = true;
    else if (code === 0x01 && open) {
      let start = i;
      while (start > 0 && capture.charCodeAt(start - 1) === 0x16) start--;
      starts.push(start);
      open = false;
    }
  }
  const messages = starts.map((start, i) => capture.slice(start, starts[i + 1]));
  return messages.filter((message) => message.includes(STX));
}
