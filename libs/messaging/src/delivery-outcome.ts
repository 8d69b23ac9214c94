import { isPermanent } from './errors.js';

export interface RetryPolicy {
  /** Deliveries after which a transiently failing message is dead-lettered. */
  maxDeliveries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export type DeliveryOutcome = { kind: 'ack' } | { kind: 'nak'; delayMs: number } | { kind: 'term'; reason: 'invalid' | 'exhausted' };

/** The one place that turns a handler's result into ack, nak-with-delay or terminate. */
export function decideOutcome(error: unknown, deliveryCount: number, policy: RetryPolicy): DeliveryOutcome {
  if (error === undefined) return { kind: 'ack' };
  if (isPermanent(error)) return { kind: 'term', reason: 'invalid' };
  if (deliveryCount >= policy.maxDeliveries) return { kind: 'term', reason: 'exhausted' };
  return { kind: 'nak', delayMs: backoffDelay(deliveryCount, policy) };
}

/** Exponential backoff with ±20 % jitter, so instances retrying together spread out. */
export function backoffDelay(deliveryCount: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>): number {
  const exponential = policy.baseDelayMs * 2 ** Math.max(0, deliveryCount - 1);
  const capped = Math.min(policy.maxDelayMs, exponential);
  const jitter = 0.8 + Math.random() * 0.4;
  return Math.round(capped * jitter);
}
