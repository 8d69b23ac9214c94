import { describe, expect, it } from '@jest/globals';
import { safeString, withSafeStrings } from './safe-strings.js';

describe('safeString', () => {
  it('drops control characters and repairs lone surrogates, keeping lines and tabs', () => {
    expect(safeString('a\u0000b\u0007c\td\ne\r\n\uFFFE')).toBe('abc\td\ne\r\n');
    expect(safeString('x\ud800y')).toBe('x\ufffdy');
    expect(safeString('Économie — “ok” 😀')).toBe('Économie — “ok” 😀');
  });
});

describe('withSafeStrings', () => {
  it('cleans every string of a nested value and leaves the rest', () => {
    expect(withSafeStrings({ a: 'x\u0000', b: [1, 'y\u0001', { c: null, d: 'z' }] })).toEqual({ a: 'x', b: [1, 'y', { c: null, d: 'z' }] });
  });
});
