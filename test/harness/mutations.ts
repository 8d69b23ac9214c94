/** A small seeded PRNG (mulberry32): a failing fuzz run can be replayed with its seed. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HAZARDS = [
  '<!DOCTYPE x [<!ENTITY a "b">]>',
  '&',
  ']]>',
  '\u0000',
  '\uFFFE',
  '<![CDATA[',
  '</',
  '"',
  "'",
  '&#x0;',
  '&unknown;',
  '\u202e',
  '\ud800',
  '<script>alert(1)</script>',
  '{',
  '[',
  '\\u0000',
  '\r\n.\r\n',
  '\x01\x02\x03',
];

type Mutation = (doc: Buffer, random: () => number, other: Buffer) => Buffer;

const at = (doc: Buffer, random: () => number) => Math.floor(random() * (doc.length + 1));

const MUTATIONS: Mutation[] = [
  (doc, random) => {
    const copy = Buffer.from(doc);
    for (let i = 0, n = 1 + Math.floor(random() * 10); i < n && copy.length; i++) copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
    return copy;
  },
  (doc, random) => doc.subarray(0, at(doc, random)),
  (doc, random) => {
    const i = at(doc, random);
    return Buffer.concat([doc.subarray(0, i), Buffer.from(HAZARDS[Math.floor(random() * HAZARDS.length)]!), doc.subarray(i)]);
  },
  (doc, random) => {
    const i = at(doc, random);
    const j = Math.min(doc.length, i + Math.floor(random() * 500));
    return Buffer.concat([doc.subarray(0, j), doc.subarray(i, j), doc.subarray(j)]);
  },
  (doc, random, other) => Buffer.concat([doc.subarray(0, at(doc, random)), other.subarray(at(other, random))]),
  (doc, random) =>
    Buffer.from(
      doc.toString('latin1').replace(/encoding="[^"]*"/, `encoding="${['koi8-r', 'utf-16', 'bogus', 'iso-8859-7', ''][Math.floor(random() * 5)]}"`),
      'latin1',
    ),
  (doc, random) => {
    const copy = Buffer.from(doc);
    return copy.subarray(Math.floor(random() * Math.min(copy.length, 64)));
  },
];

/** One to three mutations of a document, one of them possibly splicing in another document. */
export function mutate(doc: Buffer, other: Buffer, random: () => number): Buffer {
  let result = doc;
  for (let i = 0, n = 1 + Math.floor(random() * 3); i < n; i++) result = MUTATIONS[Math.floor(random() * MUTATIONS.length)]!(result, random, other);
  return result;
}

const JSON_VALUES = [
  null,
  true,
  0,
  -1,
  1e308,
  '',
  ' ',
  'x'.repeat(2000),
  '<img src=x onerror=alert(1)>',
  '\u0000',
  [],
  {},
  [[[[[]]]]],
  { $ne: 1 },
  '../../etc/passwd',
  'fr-FR-x-very-long-tag',
];

/** An editor article with one to four fields replaced by odd values, or broken JSON. */
export function mutateEditorArticle(random: () => number): string {
  const article: Record<string, unknown> = {
    headline: 'Titre',
    body: 'Corps du texte.',
    section: 'Économie',
    language: 'fr',
    source: 'fuzz',
    externalId: `f-${random()}`,
  };
  const fields = ['headline', 'body', 'standfirst', 'section', 'byline', 'language', 'source', 'externalId', '__proto__', 'constructor', 'extra'];
  for (let i = 0, n = 1 + Math.floor(random() * 4); i < n; i++)
    article[fields[Math.floor(random() * fields.length)]!] = JSON_VALUES[Math.floor(random() * JSON_VALUES.length)];
  const json = JSON.stringify(article);
  return random() < 0.2 ? json.slice(0, Math.floor(random() * json.length)) : json;
}
