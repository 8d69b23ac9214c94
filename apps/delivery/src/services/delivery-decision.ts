/** What the last attempt of a delivery came to, and so what happens next. */
export type DeliveryDecision = { kind: 'delivered' } | { kind: 'retry'; delayMs: number; reason: string } | { kind: 'failed'; reason: string };

export interface AttemptResult {
  /** The receiver's HTTP status; absent when no answer came (refused, timed out, reset). */
  status?: number;
  /** Why no answer came. */
  error?: string;
  /** The Retry-After header: seconds, or an HTTP date. */
  retryAfter?: string;
}

export interface RetrySchedule {
  baseDelayMs: number;
  maxDelayMs: number;
  /** Past this age an event is given up for this subscriber. */
  maxAgeMs: number;
}

/**
 * The Standard Webhooks reading of an answer: 2xx is delivered; a 4xx other than 408 and 429
 * says the receiver will never take this event (failed, for a redrive); a redirect is not
 * followed, so it fails too. Everything else (5xx, 408, 429, no answer) is retried with
 * exponential backoff and jitter, no sooner than Retry-After asks, until the event is too old.
 */
export function decideDelivery(result: AttemptResult, attempts: number, ageMs: number, schedule: RetrySchedule, random = Math.random): DeliveryDecision {
  const { status } = result;
  if (status !== undefined && status >= 200 && status < 300) return { kind: 'delivered' };
  const reason = status !== undefined ? `HTTP ${status}` : (result.error ?? 'no answer');
  if (status !== undefined && status >= 300 && status < 400) return { kind: 'failed', reason: `${reason}: redirects are not followed` };
  if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429) return { kind: 'failed', reason };
  const backoff = Math.min(schedule.maxDelayMs, schedule.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.round(backoff / 2 + (random() * backoff) / 2);
  const delayMs = Math.min(schedule.maxDelayMs, Math.max(jittered, retryAfterMs(result.retryAfter) ?? 0));
  if (ageMs + delayMs > schedule.maxAgeMs) return { kind: 'failed', reason: `${reason}; given up after ${attempts} attempt(s), the event is too old to retry` };
  return { kind: 'retry', delayMs, reason };
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
