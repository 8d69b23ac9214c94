import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { WireError, parseWire } from './index.js';

const shared = path.resolve(process.cwd(), '../shared');
const bytes = (file: string) => readFileSync(path.join(shared, file));
const opts = { receivedAt: '2026-01-01T00:00:00.000Z' };

describe('parseWire', () => {
  it('reads the seed page as plain text', () => {
    const result = parseWire(bytes('samples/seed-economie-fr.txt'), 'text/plain', opts);
    expect(result.format).toBe('plain-text');
    expect(result.articles[0].section).toBe('Économie');
    expect(result.articles[0].related).toHaveLength(8);
  });

  it('reads Latin-1 bytes declared only in the XML prolog', () => {
    const result = parseWire(bytes('corpus/rss/rssparser_encoding.rss'), 'text/xml', opts);
    expect(result.format).toBe('rss');
    expect(result.articles[0].headline).toBe('Mãe de utente é a nova presidente da Raríssimas');
  });

  it('throws a WireError for a document it cannot read as a whole', () => {
    expect(() => parseWire(new Uint8Array(), 'text/plain', opts)).toThrow(WireError);
  });

  it('passes maxDepth on to the JSON reader', () => {
    const deep = new TextEncoder().encode(`{"uri":"urn:x","a":${'['.repeat(40)}${']'.repeat(40)}}`);
    expect(() => parseWire(deep, 'application/json', { ...opts, maxDepth: 20 })).toThrow(expect.objectContaining({ code: 'too-deep' }));
  });
});

describe('parseWire speed', () => {
  /**
   * CPU time per parse, best of several batches: process CPU time is not
   * inflated by other processes sharing the machine, as wall-clock time is.
   */
  function msPerParse(data: Uint8Array, contentType: string): number {
    for (let i = 0; i < 100; i++) parseWire(data, contentType, opts);
    const batches = Array.from({ length: 10 }, () => {
      const start = process.cpuUsage();
      for (let i = 0; i < 50; i++) parseWire(data, contentType, opts);
      const used = process.cpuUsage(start);
      return (used.user + used.system) / 1000 / 50;
    });
    return Math.min(...batches);
  }

  // CPU time measured on the compiled build: seed page 0.16-0.24 ms, ninjs 0.16-0.22 ms,
  // IPTC 7901 0.13-0.17 ms, RSS 0.56-0.69 ms (mostly fast-xml-parser and sanitize-html).
  it.each([
    ['samples/seed-economie-fr.txt', 'text/plain'],
    ['corpus/ninjs/examples/3.0/ninjsExSimpleText_3.json', 'application/json'],
    ['corpus/superdesk-fixtures/IPTC7901.txt', 'application/octet-stream'],
    ['corpus/rss/prof18_feed-char-escape.xml', 'application/rss+xml'],
  ])('parses %s (about 3 KB) in under a millisecond once warm', (file, contentType) => {
    expect(msPerParse(bytes(file), contentType)).toBeLessThan(1);
  });
});
