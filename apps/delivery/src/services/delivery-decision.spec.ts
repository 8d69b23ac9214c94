import { describe, expect, it } from '@jest/globals';
import { decideDelivery, retryAfterMs } from './delivery-decision.js';

const schedule = { baseDelayMs: 1000, maxDelayMs: 60_000, maxAgeMs: 3_600_000 };
const half = () => 0.5;

describe('decideDelivery', () => {
  it('takes any 2xx as delivered', () => {
    for (const status of [200, 201, 202, 204]) expect(decideDelivery({ status }, 1, 0, schedule)).toEqual({ kind: 'delivered' });
  });

  it('gives up at once on a 4xx other than 408 and 429, and on a redirect', () => {
    expect(decideDelivery({ status: 410 }, 1, 0, schedule)).toEqual({ kind: 'failed', reason: 'HTTP 410' });
    expect(decideDelivery({ status: 400 }, 3, 0, schedule)).toEqual({ kind: 'failed', reason: 'HTTP 400' });
    expect(decideDelivery({ status: 301 }, 1, 0, schedule)).toMatchObject({ kind: 'failed', reason: 'HTTP 301: redirects are not followed' });
  });

  it('retries 5xx, 408, 429 and no answer, doubling the delay with jitter up to the cap', () => {
    expect(decideDelivery({ status: 500 }, 1, 0, schedule, half)).toEqual({ kind: 'retry', delayMs: 750, reason: 'HTTP 500' });
    expect(decideDelivery({ status: 503 }, 3, 0, schedule, half)).toEqual({ kind: 'retry', delayMs: 3000, reason: 'HTTP 503' });
    expect(decideDelivery({ status: 408 }, 1, 0, schedule, () => 0)).toMatchObject({ kind: 'retry', delayMs: 500 });
    expect(decideDelivery({ status: 429 }, 1, 0, schedule, () => 1)).toMatchObject({ kind: 'retry', delayMs: 1000 });
    expect(decideDelivery({ error: 'no answer within 10000 ms' }, 20, 0, schedule, () => 1)).toEqual({
      kind: 'retry',
      delayMs: 60_000,
      reason: 'no answer within 10000 ms',
    });
  });

  it('waits at least as long as Retry-After asks, within the cap', () => {
    expect(decideDelivery({ status: 429, retryAfter: '30' }, 1, 0, schedule, half)).toMatchObject({ kind: 'retry', delayMs: 30_000 });
    expect(decideDelivery({ status: 503, retryAfter: '86400' }, 1, 0, schedule, half)).toMatchObject({ kind: 'retry', delayMs: 60_000 });
  });

  it('gives up an event that would be retried past its maximum age', () => {
    expect(decideDelivery({ status: 500 }, 9, 3_599_000, schedule, half)).toMatchObject({
      kind: 'failed',
      reason: expect.stringMatching(/^HTTP 500; given up after 9/),
    });
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates, and nothing else', () => {
    expect(retryAfterMs('120')).toBe(120_000);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('2026-10-21T07:27:00Z'))).toBe(60_000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });
});
