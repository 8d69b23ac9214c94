import { describe, it, expect } from '@jest/globals';
import iconv from 'iconv-lite';
import { decodeText } from './decode-text.js';
import { repairDoubleEncodedUtf8 } from './repair-mojibake.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (s: string, charset: string) => new Uint8Array(iconv.encode(s, charset));
const concat = (...parts: ArrayLike<number>[]) => Uint8Array.from(parts.flatMap((p) => Array.from(p)));

describe('decodeText', () => {
  it('strips a UTF-8 BOM', () => {
    expect(decodeText(concat([0xef, 0xbb, 0xbf], utf8('Décès')))).toBe('Décès');
  });

  it('decodes UTF-16 LE and BE by their BOM', () => {
    expect(decodeText(concat([0xff, 0xfe], bytes('<a>Ελλάδα</a>', 'utf-16le')))).toBe('<a>Ελλάδα</a>');
    expect(decodeText(concat([0xfe, 0xff], bytes('<a>Ελλάδα</a>', 'utf-16be')))).toBe('<a>Ελλάδα</a>');
  });

  it('decodes BOM-less UTF-16 XML by its zero bytes', () => {
    expect(decodeText(bytes('<?xml version="1.0"?><a>ü</a>', 'utf-16le'))).toBe('<?xml version="1.0"?><a>ü</a>');
  });

  it('honours the XML declaration: KOI8-R', () => {
    const xml = '<?xml version="1.0" encoding="KOI8-R"?><title>Привет, мир</title>';
    expect(decodeText(bytes(xml, 'koi8-r'))).toBe(xml);
  });

  it('honours the XML declaration: ISO-8859-1 bytes', () => {
    const xml = '<?xml version="1.0" encoding="ISO-8859-1"?><p>Décès à Strasbourg</p>';
    expect(decodeText(bytes(xml, 'latin1'))).toBe(xml);
  });

  it('reads ISO-8859-1 as windows-1252, as browsers do (0x92 is a right quote)', () => {
    const raw = concat(utf8('<?xml version="1.0" encoding="iso-8859-1"?><p>l'), [0x92], utf8('AFP</p>'));
    expect(decodeText(raw)).toContain('l’AFP');
  });

  it('prefers UTF-8 when ISO-8859-1 is declared but the bytes are UTF-8 (AFP mislabel)', () => {
    const xml = '<?xml version="1.0" encoding="ISO-8859-1"?><HeadLine>Décès de Naomi Musenga</HeadLine>';
    expect(decodeText(utf8(xml))).toContain('Décès de Naomi Musenga');
  });

  it('honours the Content-Type charset over the XML declaration', () => {
    const raw = bytes('<?xml version="1.0" encoding="utf-8"?><p>Zürich</p>', 'windows-1252');
    expect(decodeText(raw, 'application/xml; charset="windows-1252"')).toContain('Zürich');
    expect(decodeText(bytes('Ђорђе', 'windows-1251'), 'text/plain; charset=windows-1251')).toBe('Ђорђе');
  });

  it('recovers undeclared non-UTF-8 bytes as Latin-1/windows-1252', () => {
    expect(decodeText(bytes('Économie: 5 € de plus', 'windows-1252'))).toBe('Économie: 5 € de plus');
  });

  it('keeps plain UTF-8 and ASCII untouched', () => {
    expect(decodeText(utf8('Grünen-Spitze tritt ab — 東京'))).toBe('Grünen-Spitze tritt ab — 東京');
    expect(decodeText(utf8('plain ascii'), 'text/plain; charset=us-ascii')).toBe('plain ascii');
  });

  it('repairs double-encoded UTF-8 (Business Wire "worldâ€™s")', () => {
    expect(decodeText(utf8('the worldâ€™s most powerful, Dellâ€™s leadership'))).toBe('the world’s most powerful, Dell’s leadership');
  });
});

describe('repairDoubleEncodedUtf8', () => {
  it('leaves a single look-alike pair alone', () => {
    expect(repairDoubleEncodedUtf8('Ã© is written once')).toBe('Ã© is written once');
  });
});
