import { describe, expect, it } from '@jest/globals';
import { context, propagation, trace } from '@opentelemetry/api';
import type { JsMsg } from '@nats-io/jetstream';
import { headers } from '@nats-io/transport-node';
import { subjectsFor } from '#contracts';
import { installTracing } from './tracer-provider.js';
import { JetStreamMessageTracing } from './message-tracing.js';

const PARENT_TRACE = '0af7651916cd43dd8448eb211c80319c';
const PARENT_SPAN = 'b7ad6b7169203331';

function messageWith(traceparent?: string): JsMsg {
  const h = headers();
  if (traceparent) h.set('traceparent', traceparent);
  return { subject: subjectsFor('news').ingested, seq: 1, headers: h, info: { deliveryCount: 1 } } as unknown as JsMsg;
}

/** What an event published while handling would carry. */
function outgoingTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

describe('JetStreamMessageTracing (no exporter: ids only)', () => {
  const tracing = new JetStreamMessageTracing(installTracing('test', ''));

  it('handles a message inside a child of the trace its traceparent names, and passes that trace on', async () => {
    let seen: { traceId?: string; outgoing?: string } = {};
    const outcome = await tracing.around(messageWith(`00-${PARENT_TRACE}-${PARENT_SPAN}-01`), async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      seen = { traceId: trace.getActiveSpan()?.spanContext().traceId, outgoing: outgoingTraceparent() };
      return { kind: 'ack' };
    });
    expect(outcome).toEqual({ kind: 'ack' });
    expect(seen.traceId).toBe(PARENT_TRACE);
    expect(seen.outgoing).toMatch(new RegExp(`^00-${PARENT_TRACE}-[0-9a-f]{16}-0[01]$`));
    expect(seen.outgoing).not.toContain(PARENT_SPAN);
  });

  it('starts a new trace for a message without one', async () => {
    let outgoing: string | undefined;
    await tracing.around(messageWith(), async () => {
      outgoing = outgoingTraceparent();
      return { kind: 'nak', delayMs: 10 };
    });
    expect(outgoing).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/);
    expect(outgoing).not.toContain(PARENT_TRACE);
  });
});
