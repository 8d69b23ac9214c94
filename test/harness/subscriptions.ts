import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import type { Envelope } from '#contracts';

export interface Collected<T = unknown> {
  events: Array<Envelope<T> & { subject: string; headers: Record<string, string> }>;
  stop(): void;
}

/** Collects every event published on `subject` (wildcards allowed) from now on, as a plain NATS subscriber. */
export function collect<T = unknown>(nc: NatsConnection, subject: string): Collected<T> {
  const events: Collected<T>['events'] = [];
  const sub: Subscription = nc.subscribe(subject, {
    callback: (error, msg) => {
      if (!error)
        events.push({
          ...(msg.json() as Envelope<T>),
          subject: msg.subject,
          headers: Object.fromEntries([...(msg.headers?.keys() ?? [])].map((key) => [key, msg.headers!.get(key)])),
        });
    },
  });
  return { events, stop: () => sub.unsubscribe() };
}

/** Polls `probe` until it returns a defined value, or fails after `timeoutMs` with `what` in the message. */
export async function eventually<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
