import type { JsMsg } from '@nats-io/jetstream';
import type { DeadLetterV1, MessagingServiceName } from '#contracts';
import { createEvent } from './envelope-factory.js';
import type { EventPublisher } from './event-publisher.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Everything needed to inspect a failed message and redrive it later. */
export function deadLetterOf(msg: JsMsg, service: MessagingServiceName, error: string, reason: DeadLetterV1['reason']): DeadLetterV1 {
  const headers: Record<string, string> = {};
  for (const [key, values] of msg.headers ?? []) headers[key] = values.join(', ');
  return {
    service,
    subject: msg.subject,
    ...encodePayload(msg.data),
    headers,
    error: error.slice(0, 10_000),
    reason,
    deliveryCount: msg.info.deliveryCount,
    streamSequence: msg.seq,
    failedAt: new Date().toISOString(),
  };
}

function encodePayload(data: Uint8Array): Pick<DeadLetterV1, 'payload' | 'payloadEncoding'> {
  try {
    return { payload: utf8.decode(data), payloadEncoding: 'utf8' };
  } catch {
    return { payload: Buffer.from(data).toString('base64'), payloadEncoding: 'base64' };
  }
}

export class DeadLetterPublisher {
  constructor(
    private readonly publisher: EventPublisher,
    private readonly service: MessagingServiceName,
  ) {}

  /** The dead letter's id derives from the stream sequence, so a retry of this call is deduplicated. */
  async publish(msg: JsMsg, error: string, reason: DeadLetterV1['reason'], correlationId?: string): Promise<void> {
    const letter = deadLetterOf(msg, this.service, error, reason);
    const event = createEvent('news.deadletter', letter, {
      correlationId: correlationId ?? `seq-${msg.seq}`,
      producer: this.service,
    });
    await this.publisher.publish(event, {
      msgId: `deadletter:${this.service}:${msg.info.stream}:${msg.seq}`,
    });
  }
}
