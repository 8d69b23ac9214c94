import { context, propagation } from '@opentelemetry/api';
import { jetstream, type JetStreamClient, type PubAck } from '@nats-io/jetstream';
import { headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { definitionOf, envelopeValidator, type EventOf, type EventType } from '#contracts';

export const CORRELATION_HEADER = 'Depeche-Correlation-Id';

/** The W3C trace context of the request or message in hand (empty until a tracer is installed). */
export function activeTraceHeaders(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

export interface PublishOptions {
  /** Defaults to the event id; a second copy of one event on another subject needs its own. */
  msgId?: string;
  headers?: Record<string, string>;
}

/**
 * Publishes events to JetStream, each on the subject its catalogue entry gives it in
 * this namespace. Every event is validated against its contract before it leaves,
 * and carries its id as Nats-Msg-Id so JetStream drops a republished copy (after a
 * crash between publish and ack, for instance).
 */
export class EventPublisher {
  private readonly js: JetStreamClient;

  constructor(
    private readonly nc: NatsConnection,
    private readonly namespace: string,
  ) {
    this.js = jetstream(nc);
  }

  /** The largest message the server takes (its max_payload), as it told this connection; undefined before it has. */
  maxPayload(): number | undefined {
    return this.nc.info?.max_payload;
  }

  publish<K extends EventType>(event: EventOf<K>, options: PublishOptions = {}): Promise<PubAck> {
    envelopeValidator(event.type).parse(event);
    const subject = definitionOf(event.type).subject(this.namespace, event.data as never);
    const headers: Record<string, string> = { [CORRELATION_HEADER]: event.correlationId, ...options.headers, ...activeTraceHeaders() };
    return this.publishSerialized(subject, JSON.stringify(event), { msgId: options.msgId ?? event.id, headers });
  }

  /** For payloads validated when they were stored (the outbox), on the subject stored with them: no second validation. */
  publishSerialized(subject: string, payload: string | Uint8Array, options: Required<Pick<PublishOptions, 'msgId'>> & PublishOptions): Promise<PubAck> {
    const h = natsHeaders();
    for (const [key, value] of Object.entries(options.headers ?? {})) h.set(key, value);
    return this.js.publish(subject, payload, { msgID: options.msgId, headers: h });
  }
}
