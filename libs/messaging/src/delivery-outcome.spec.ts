import { describe, expect, it } from '@jest/globals';
import { ContractViolation } from '#contracts';
import { backoffDelay, decideOutcome } from './delivery-outcome.js';
import { PermanentError } from './errors.js';

const policy = { maxDeliveries: 5, baseDelayMs: 100, maxDelayMs: 1000 };

describe('decideOutcome', () => {
  it('acks a handled message', () => {
    expect(decideOutcome(undefined, 1, policy)).toEqual({ kind: 'ack' });
  });

  it('terminates invalid messages at once, whatever the delivery count', () => {
    expect(decideOutcome(new PermanentError('bad'), 1, policy)).toEqual({ kind: 'term', reason: 'invalid' });
    expect(decideOutcome(new ContractViolation('x', []), 1, policy)).toEqual({ kind: 'term', reason: 'invalid' });
  });

  it('retries transient failures with a growing delay, then gives up', () => {
    const first = decideOutcome(new Error('db down'), 1, policy);
    const third = decideOutcome(new Error('db down'), 3, policy);
    expect(first.kind).toBe('nak');
    expect(third.kind).toBe('nak');
    if (first.kind === 'nak' && third.kind === 'nak') expect(third.delayMs).toBeGreaterThan(first.delayMs);
    expect(decideOutcome(new Error('db down'), 5, policy)).toEqual({ kind: 'term', reason: 'exhausted' });
  });
});

describe('backoffDelay', () => {
  it('doubles from the base within ±20 % and stops at the cap', () => {
    for (let i = 0; i < 50; i++) {
      expect(backoffDelay(1, policy)).toBeGreaterThanOrEqual(80);
      expect(backoffDelay(1, policy)).toBeLessThanOrEqual(120);
      expect(backoffDelay(3, policy)).toBeGreaterThanOrEqual(320);
      expect(backoffDelay(20, policy)).toBeLessThanOrEqual(1200);
    }
  });
});
