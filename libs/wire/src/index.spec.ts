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
