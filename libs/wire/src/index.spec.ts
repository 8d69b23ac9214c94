import { describe, it, expect } from '@jest/globals';
import { WireError, parseWire } from './index.js';
import { EXAMPLE_PAGE, fixtureBytes } from '../../../test/harness/fixtures.js';

const opts = { receivedAt: '2026-01-01T00:00:00.000Z' };

describe('parseWire', () => {
  it('reads the example page as plain text', () => {
    const result = parseWire(fixtureBytes(EXAMPLE_PAGE), 'text/plain', opts);
    expect(result.format).toBe('plain-text');
    expect(result.articles[0].section).toBe('Économie');
    expect(result.articles[0].related).toHaveLength(5);
  });

  it('reads Latin-1 bytes declared only in the XML prolog', () => {
    const result = parseWire(fixtureBytes('wire/rss-latin1-pt.xml'), 'text/xml', opts);
    expect(result.format).toBe('rss');
    expect(result.articles[0].headline).toBe('Câmara do Porto aprova orçamento de 2027');
  });

  it('throws a WireError for a document it cannot read as a whole', () => {
    expect(() => parseWire(new Uint8Array(), 'text/plain', opts)).toThrow(WireError);
  });

  it('passes maxDepth on to the JSON reader', () => {
    const deep = new TextEncoder().encode(`{"uri":"urn:x","a":${'['.repeat(40)}${']'.repeat(40)}}`);
    expect(() => parseWire(deep, 'application/json', { ...opts, maxDepth: 20 })).toThrow(expect.objectContaining({ code: 'too-deep' }));
  });
});
