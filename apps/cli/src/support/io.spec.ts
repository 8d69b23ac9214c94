import { describe, expect, it } from '@jest/globals';
import { progressLine, table } from './io.js';

describe('table', () => {
  it('aligns columns', () => {
    expect(
      table([
        ['a', 'bbb'],
        ['cccc', 'd'],
      ]),
    ).toBe('a     bbb\ncccc  d\n');
  });
});

describe('progressLine', () => {
  it('fills the bar in proportion', () => {
    expect(progressLine(6, 24, 'x.xml')).toMatch(/^\r\[######\.{18}\] 6\/24 x\.xml/);
  });
});
