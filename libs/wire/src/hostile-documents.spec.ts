import { describe, expect, it } from '@jest/globals';
import { readWire, WireError } from './index.js';

/**
 * Generated hostile documents for every format we read (nesting, repetition, long tokens, control bytes, many
 * items) at 10 KB, 100 KB and 1 MB: each gets a clear answer (articles, skipped items or a WireError) in a time
 * comparable to a normal document of the same size. The budget is a ratio, never an absolute time; the normal
 * document's time has a floor so that sub-millisecond noise at 10 KB does not decide it.
 */
const SIZES = { '10 KB': 10 << 10, '100 KB': 100 << 10, '1 MB': 1 << 20 };
// Quadratic work shows at 1 MB as hundreds of times a normal document's time; 30 leaves room for a
// machine busy with other test workers (a linear but heavy pattern measured 15-25 there).
const MAX_RATIO = 30;
const FLOOR_MS = 20;
const opts = { receivedAt: '2026-01-01T00:00:00.000Z' };

const [SOH, STX, ETX, EOT] = ['\x01', '\x02', '\x03', '\x04'];
const sentence = 'Le conseil municipal a voté mardi le budget de la ville, après un long débat sur les transports. ';
const prose = (bytes: number) => sentence.repeat(Math.ceil(bytes / sentence.length)).slice(0, bytes);
const times = (unit: string, bytes: number) => unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));
/** Well-formed: as many closing tags as opening ones. */
const nested = (tag: string, bytes: number) => {
  const count = Math.floor(bytes / (2 * tag.length + 5));
  return `<${tag}>`.repeat(count) + 'x' + `</${tag}>`.repeat(count);
};
const rss = (inner: string) => `<rss version="2.0"><channel><title>t</title><link>http://x.test/</link>${inner}</channel></rss>`;
const rssItem = (description: string) => `<item><title>a</title><link>http://x.test/a</link><description><![CDATA[${description}]]></description></item>`;
const atom = (inner: string) =>
  `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:f</id><updated>2026-01-01T00:00:00Z</updated>${inner}</feed>`;
const nitf = (content: string) =>
  `<nitf><head><title>t</title></head><body><body.head><hedline><hl1>T</hl1></hedline></body.head><body.content>${content}</body.content></body></nitf>`;
const g2 = (body: string) =>
  `<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x" version="1"><itemMeta><itemClass qcode="ninat:text"/><provider literal="x"/><versionCreated>2026-01-01T00:00:00Z</versionCreated></itemMeta><contentMeta><headline>T</headline></contentMeta><contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>${body}</body></html></inlineXML></contentSet></newsItem>`;
const mail = (html: string) =>
  `From: desk@x.test\r\nSubject: T\r\nDate: Thu, 12 Mar 2026 08:05:00 +0100\r\nMessage-ID: <a@x.test>\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}`;
const message7901 = (text: string) => `${SOH}exa0001 4 f 310 ecof\r\n${STX}Titre =\r\n\r\n   ${text}\r\n${ETX}121130 GMT Mar 26 ${EOT}`;

interface Format {
  contentType: string;
  normal: (bytes: number) => string;
  hostile: Record<string, (bytes: number) => string>;
}

const FORMATS: Record<string, Format> = {
  iptc7901: {
    contentType: 'text/plain',
    normal: (n) => message7901(prose(n)),
    hostile: {
      'ETX flood': (n) => `${SOH}${STX}${ETX.repeat(n)}`,
      'SOH flood': (n) => SOH.repeat(n) + STX,
      'one long line': (n) => message7901('x'.repeat(n)),
    },
  },
  rss: {
    contentType: 'application/rss+xml',
    normal: (n) => rss(rssItem(`<p>${prose(n)}</p>`)),
    hostile: {
      'nested <b>': (n) => rss(rssItem(times('<b>', n))),
      'many items': (n) => rss(times(rssItem('b'), n)),
      'entity flood': (n) => rss(`<item><title>a</title><description>${times('&amp;', n)}</description></item>`),
    },
  },
  atom: {
    contentType: 'application/atom+xml',
    normal: (n) => atom(`<entry><title>a</title><id>urn:e</id><content type="html">&lt;p&gt;${prose(n)}&lt;/p&gt;</content></entry>`),
    hostile: {
      'nested xhtml': (n) =>
        atom(
          `<entry><title>a</title><id>urn:e</id><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${nested('span', n)}</div></content></entry>`,
        ),
      'many entries': (n) => atom(times('<entry><title>a</title><id>urn:e</id><summary>s</summary></entry>', n)),
    },
  },
  nitf: {
    contentType: 'application/xml',
    normal: (n) => nitf(`<p>${prose(n)}</p>`),
    hostile: {
      'nested <p>': (n) => nitf(nested('p', n)),
      'many empty paragraphs': (n) => nitf(times('<p> </p>', n)),
      'attribute flood': (n) => nitf(`<p ${times('a="b" ', n).replace(/a="b" /g, (_, i: number) => `a${i}="b" `)}>x</p>`),
    },
  },
  'newsml-g2': {
    contentType: 'application/xml',
    normal: (n) => g2(`<p>${prose(n)}</p>`),
    hostile: { 'nested <div>': (n) => g2(nested('div', n)) },
  },
  ninjs: {
    contentType: 'application/json',
    normal: (n) => JSON.stringify({ uri: 'urn:x', headline: 'T', body_text: prose(n) }),
    hostile: {
      'deep arrays': (n) => `{"uri":"urn:x","headline":"T","a":${times('[', n / 2)}${times(']', n / 2)}}`,
      'many items': (n) => `[${times('{"uri":"urn:x","headline":"T","body_text":"x"},', n).slice(0, -1)}]`,
      'escape flood': (n) => `{"uri":"urn:x","headline":"T","body_text":"${times('\\u0000', n)}"}`,
    },
  },
  'plain-text': {
    contentType: 'text/plain',
    normal: (n) => `Titre\n${prose(n).replace(/\. /g, '.\n')}`,
    hostile: {
      'one-letter lines': (n) => times('a\n', n),
      'teaser flood': (n) => `Titre\nTexte.\n${times('-\nx\n', n)}`,
    },
  },
  email: {
    contentType: 'message/rfc822',
    normal: (n) => mail(`<p>${prose(n)}</p>`),
    hostile: { 'nested <b>': (n) => mail(times('<b>', n)), 'tag soup': (n) => mail(times('<p><b><i>', n)) },
  },
};

/** The answer to a document, and the faster of two runs' milliseconds. */
async function timed(text: string, contentType: string): Promise<{ ms: number; answer: string }> {
  const bytes = Buffer.from(text);
  let best = Infinity;
  let answer = '';
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    try {
      const { articles, skipped } = await readWire(bytes, contentType, opts);
      answer = `${articles.length} articles, ${skipped.length} skipped`;
    } catch (error) {
      if (!(error instanceof WireError)) throw error; // anything else is a bug: a 500
      answer = `refused: ${error.code}`;
    }
    best = Math.min(best, performance.now() - started);
  }
  return { ms: best, answer };
}

const cases = Object.entries(FORMATS).flatMap(([format, spec]) =>
  Object.entries(spec.hostile).flatMap(([pattern, make]) => Object.entries(SIZES).map(([size, bytes]) => ({ format, pattern, size, bytes, spec, make }))),
);

describe('hostile documents of every format', () => {
  const report: string[] = [];

  it.each(cases.map((c) => [`${c.format}, ${c.pattern}, ${c.size}`, c] as const))(
    '%s: a clear answer in time comparable to a normal document',
    async (_name, c) => {
      const normal = await timed(c.spec.normal(c.bytes), c.spec.contentType);
      const hostile = await timed(c.make(c.bytes), c.spec.contentType);
      const ratio = hostile.ms / Math.max(normal.ms, FLOOR_MS);
      if (c.size === '1 MB')
        report.push(
          `${c.format.padEnd(11)} ${c.pattern.padEnd(22)} normal ${normal.ms.toFixed(0).padStart(5)} ms, hostile ${hostile.ms.toFixed(0).padStart(5)} ms (${hostile.answer})`,
        );
      expect(hostile.answer).toMatch(/articles|refused/);
      expect({ ratio: Math.round(ratio * 10) / 10, withinBudget: ratio <= MAX_RATIO }).toEqual({ ratio: expect.any(Number), withinBudget: true });
    },
    60_000,
  );

  it('prints the 1 MB figures', () => {
    process.stdout.write(`\nhostile 1 MB documents against normal 1 MB ones\n${report.join('\n')}\n`);
    expect(report.length).toBe(cases.filter((c) => c.size === '1 MB').length);
  });
});
