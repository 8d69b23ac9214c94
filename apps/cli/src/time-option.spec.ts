import { describe, expect, it } from '@jest/globals';
import { parseSince } from './time-option.js';

describe('parseSince', () => {
  const now = Date.parse('2026-11-26T12:00:00Z');
  it('reads durations back from now', () => {
    expect(parseSince('1h', now)?.toISOString()).toBe('2026-11-26T11:00:00.000Z');
    expect(parseSince('90s', now)?.toISOString()).toBe('2026-11-26T11:58:30.000Z');
    expect(parseSince('2d', now)?.toISOString()).toBe('2026-11-24T12:00:00.000Z');
  });
  it('reads ISO times, and refuses anything else', () => {
    expect(parseSince('2026-11-26T10:00:00Z', now)?.toISOString()).toBe('2026-11-26T10:00:00.000Z');
    expect(parseSince('yesterday', now)).toBeUndefined();
    expect(parseSince('5w', now)).toBeUndefined();
  });
});
