import { describe, expect, it } from '@jest/globals';
import { jsonBytesAtMost } from './json-size-bound.js';

const exact = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));

describe('jsonBytesAtMost', () => {
  it('is never below the serialised size, whatever the text holds', () => {
    const samples: unknown[] = [
      'plain',
      '"quoted" \\ back\\slash',
      '\u0000\u0001\u001f control characters',
      'émoji 😀 and ﬁ ligatures, 東京',
      -1.2345678901234567e-300,
      Number.MAX_SAFE_INTEGER,
      true,
      null,
      [],
      {},
      [1, 'two', null, { three: [3] }],
      { headline: 'Titre « accentué »', body: 'x'.repeat(5000), tags: [{ code: 'medtop:04000000', score: 0.5 }], nested: { deep: { deeper: ['\n\t'] } } },
    ];
    for (const sample of samples) expect(jsonBytesAtMost(sample)).toBeGreaterThanOrEqual(exact(sample));
  });

  it('stays within a small multiple of the real size, so it settles ordinary stories', () => {
    const story = { headline: 'Budget 2027', bodyText: 'Le gouvernement a présenté son budget. '.repeat(100), version: 1, people: [] };
    expect(jsonBytesAtMost(story)).toBeLessThan(7 * exact(story));
  });
});
