import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span, type TextMapGetter, type Tracer } from '@opentelemetry/api';
import type { JsMsg } from '@nats-io/jetstream';
import type { MsgHdrs } from '@nats-io/transport-node';
import { CORRELATION_HEADER, type DeliveryOutcome, type MessageTracing } from '#messaging';
import { debugLog } from '../debug-log.js';

const natsHeaders: TextMapGetter<MsgHdrs | undefined> = {
  get: (headers, key) => headers?.get(key) || undefined,
  keys: (headers) => (headers ? [...headers.keys()] : []),
};

/**
 * A consumer span per message, child of the span whose `traceparent` the
 * message carries, and (at debug level) one log line with its outcome.
 */
export class JetStreamMessageTracing implements MessageTracing {
  constructor(private readonly tracer: Tracer) {}

  async around(msg: JsMsg, handle: () => Promise<DeliveryOutcome>): Promise<DeliveryOutcome> {
    const started = performance.now();
    const parent = propagation.extract(ROOT_CONTEXT, msg.headers, natsHeaders);
    const span = this.tracer.startSpan(`process ${msg.subject}`, { kind: SpanKind.CONSUMER }, parent);
    if (span.isRecording()) {
      span.setAttributes({
        'messaging.system': 'nats',
        'messaging.destination.name': msg.subject,
        'messaging.nats.stream_sequence': msg.seq,
        'messaging.nats.delivery_count': msg.info.deliveryCount,
      });
    }
    const outcome = await context.with(trace.setSpan(parent, span), handle);
    if (outcome.kind !== 'ack')
      span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.kind === 'nak' ? 'retried' : `dead-lettered (${outcome.reason})` });
    span.end();
    logHandled(msg, outcome, span, performance.now() - started);
    return outcome;
  }
}

function logHandled(msg: JsMsg, outcome: DeliveryOutcome, span: Span, ms: number): void {
  const log = debugLog();
  if (!log) return;
  const { traceId, spanId } = span.spanContext();
  log.debug(
    {
      subject: msg.subject,
      seq: msg.seq,
      deliveryCount: msg.info.deliveryCount,
      outcome: outcome.kind,
      ms: Math.round(ms * 100) / 100,
      correlationId: msg.headers?.get(CORRELATION_HEADER),
      trace_id: traceId,
      span_id: spanId,
    },
    'message handled',
  );
}
