import { jetstream, jetstreamManager, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { Logger } from '@nestjs/common';
import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import { articleIdOf, isEventType, readEnvelope, type Envelope } from '#contracts';
import { correlationContext } from './correlation-context.js';
import type { DeadLetterPublisher } from './dead-letter.js';
import { decideOutcome, type DeliveryOutcome, type RetryPolicy } from './delivery-outcome.js';
import { describeError, PermanentError } from './errors.js';
import { InFlightHeartbeat } from './in-flight-heartbeat.js';
import { JetStreamContext } from './jetstream-context.js';
import { Slots } from './slots.js';
import { ensureConsumer, type ConsumerSettings } from './stream-provisioner.js';

export interface JetStreamTransportOptions {
  connection: NatsConnection;
  consumer: ConsumerSettings;
  /** Messages handled at once by this instance. */
  concurrency: number;
  retry: RetryPolicy;
  /** How long one message may be worked on (kept alive by heartbeats) before it is let go for redelivery; 5 min if unset. */
  maxHandlingMs?: number;
  deadLetters: DeadLetterPublisher;
}

/** Hooks for metrics: called for every message, so implementations must be cheap. */
export interface ConsumerMetrics {
  onReceived?(subject: string): void;
  onOutcome?(subject: string, outcome: DeliveryOutcome, seconds: number): void;
}

/** Runs the handling of one message inside the trace context its headers carry. */
export interface MessageTracing {
  around(msg: JsMsg, handle: () => Promise<DeliveryOutcome>): Promise<DeliveryOutcome>;
}

const utf8 = new TextDecoder();

/** How long one pull waits for messages; also the longest a clean shutdown waits for the last pull. */
const PULL_EXPIRES_MS = 1000;

/**
 * A Nest microservice transport backed by one durable JetStream pull consumer.
 * Handlers are plain `@EventPattern('<event type>')` methods receiving the
 * validated envelope. The handler is awaited; then the message is acked, nak'd
 * with a growing delay (transient failure) or terminated and dead-lettered
 * (invalid, or out of deliveries). close() drains: no new pulls; pulled and
 * in-flight messages finish and are acked. While a message is held it is kept
 * alive with in-progress acks (InFlightHeartbeat), so the ack wait can be short:
 * it only decides how soon the messages of a dead instance come back.
 */
export class JetStreamServer extends Server implements CustomTransportStrategy {
  protected override readonly logger = new Logger('JetStream');
  private readonly slots: Slots;
  private readonly heartbeat: InFlightHeartbeat;
  private readonly handlersByType = new Map<string, MessageHandler>();
  private loop?: Promise<void>;
  private closing = false;
  private consuming = false;
  metrics: ConsumerMetrics = {};
  tracing?: MessageTracing;

  constructor(private readonly options: JetStreamTransportOptions) {
    super();
    this.slots = new Slots(options.concurrency);
    this.heartbeat = new InFlightHeartbeat({ ackWaitMs: options.consumer.ackWaitMs, maxHandlingMs: options.maxHandlingMs ?? 300_000 });
  }

  /** True while the pull loop runs (readiness). */
  isConsuming(): boolean {
    return this.consuming && !this.closing;
  }

  listen(callback: (error?: unknown) => void): void {
    this.start().then(() => callback(), callback);
  }

  private async start(): Promise<void> {
    const { connection, consumer } = this.options;
    await ensureConsumer(await jetstreamManager(connection), consumer);
    this.loop = this.pullForever();
  }

  /**
   * One bounded fetch after another rather than consume(): a fetch is a single
   * pull request that ends when full or expired, so on close we simply issue no
   * new one and handle everything already pulled. Nothing delivered to this
   * instance is dropped and left to wait out its ack wait.
   */
  private async pullForever(): Promise<void> {
    const { connection, consumer: settings, concurrency } = this.options;
    const consumer = await jetstream(connection).consumers.get(settings.stream, settings.durable);
    const arrived: JsMsg[] = [];
    while (!this.closing) {
      try {
        const batch = await consumer.fetch({ max_messages: concurrency, expires: PULL_EXPIRES_MS });
        this.consuming = true;
        try {
          for await (const msg of batch) {
            this.heartbeat.hold(msg);
            if (!this.slots.free) this.dispatch(arrived); // never wait for a slot while holding messages not started
            await this.slots.acquire();
            arrived.push(msg);
            if (batch.getPending() === 0) this.dispatch(arrived);
          }
        } finally {
          this.dispatch(arrived);
        }
      } catch (error) {
        this.consuming = false;
        this.logger.warn(`pull interrupted: ${describeError(error)}`);
        if (!this.closing) await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
    this.consuming = false;
  }

  /**
   * Starts the messages that arrived together, in one go: their publishes, KV
   * writes and acks then leave in shared socket writes instead of one each.
   */
  private dispatch(arrived: JsMsg[]): void {
    for (const msg of arrived.splice(0)) {
      void this.process(msg).finally(() => {
        this.heartbeat.release(msg);
        this.slots.release();
      });
    }
  }

  private async process(msg: JsMsg): Promise<void> {
    this.metrics.onReceived?.(msg.subject);
    const started = process.hrtime.bigint();
    const outcome = await (this.tracing ? this.tracing.around(msg, () => this.handle(msg)) : this.handle(msg));
    this.metrics.onOutcome?.(msg.subject, outcome, Number(process.hrtime.bigint() - started) / 1e9);
  }

  private async handle(msg: JsMsg): Promise<DeliveryOutcome> {
    let envelope: Envelope | undefined;
    let failure: unknown;
    try {
      envelope = this.decode(msg);
      const handler = this.handlerFor(envelope.type);
      await correlationContext.run(
        { correlationId: envelope.correlationId, articleId: articleIdOf(envelope), eventId: envelope.id, subject: msg.subject },
        () => this.invoke(handler, envelope!, msg),
      );
    } catch (error) {
      failure = error;
    }
    const outcome = decideOutcome(failure, msg.info.deliveryCount, this.options.retry);
    await this.settle(msg, outcome, failure, envelope);
    return outcome;
  }

  private decode(msg: JsMsg): Envelope {
    let value: unknown;
    try {
      value = JSON.parse(utf8.decode(msg.data));
    } catch {
      throw new PermanentError('payload is not JSON');
    }
    const type = (value as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !isEventType(type)) throw new PermanentError(`unknown event type ${JSON.stringify(type)}`);
    return readEnvelope(type, value);
  }

  private handlerFor(type: string): MessageHandler {
    // Nest normalises the pattern on every lookup; event types are few, so remember each answer.
    const known = this.handlersByType.get(type);
    if (known) return known;
    const handler = this.getHandlerByPattern(type);
    if (!handler) throw new PermanentError(`no handler for ${type} in this service`);
    this.handlersByType.set(type, handler);
    return handler;
  }

  private async invoke(handler: MessageHandler, envelope: Envelope, msg: JsMsg): Promise<void> {
    const result = await handler(envelope, new JetStreamContext([msg]));
    if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
  }

  private async settle(msg: JsMsg, outcome: DeliveryOutcome, failure: unknown, envelope?: Envelope): Promise<void> {
    if (outcome.kind === 'ack') return msg.ack();
    const reason = describeError(failure);
    if (outcome.kind === 'nak') {
      this.logger.warn(`${msg.subject} #${msg.seq} failed (delivery ${msg.info.deliveryCount}), retry in ${outcome.delayMs} ms: ${reason}`);
      return msg.nak(outcome.delayMs);
    }
    try {
      await this.options.deadLetters.publish(msg, reason, outcome.reason, envelope?.correlationId);
      this.logger.error(`${msg.subject} #${msg.seq} dead-lettered (${outcome.reason}): ${reason}`);
      msg.term(reason.slice(0, 200));
    } catch (error) {
      // Never lose it: without a dead letter on record, let JetStream deliver it again.
      this.logger.error(`dead-lettering ${msg.subject} #${msg.seq} failed, will retry: ${describeError(error)}`);
      msg.nak(this.options.retry.baseDelayMs);
    }
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    await this.loop;
    await this.slots.idle();
    this.heartbeat.stop();
  }

  on(): void {
    throw new Error('JetStreamServer emits no events');
  }

  unwrap<T>(): T {
    return this.options.connection as T;
  }
}
