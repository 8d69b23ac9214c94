import { DeliverPolicy, DiscardPolicy, jetstream, jetstreamManager, RetentionPolicy, StorageType, type ConsumerMessages } from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/transport-node';
import { readEnvelope, streamNames, subjectsFor, type WireItemReceivedV1 } from '#contracts';
import { createEvent, describeError, upsertStream, type EventPublisher } from '#messaging';

export interface WireLogSettings {
  namespace: string;
  replicas: number;
  /** How long a line is kept. */
  retentionMs: number;
  /** Most lines kept (the oldest go first). */
  maxItems: number;
}

/** Lines the tail hands over, in stream order. */
export type WireLogSink = (seq: number, record: WireItemReceivedV1) => void;

export interface WireLogTail {
  /** Resolves once the lines in the stream when the tail started have been handed over. */
  caughtUp: Promise<void>;
  stop(): Promise<void>;
}

/** How long start-up waits for the tail to catch up before serving what it has. */
const CATCH_UP_LIMIT_MS = 30_000;

/**
 * The intake log in JetStream: a stream of its own (`<NS>_WIRE_LOG`), kept by age and count, one
 * `news.wire.received` event per line. A stream rather than the intake KV bucket: the log is
 * append-only and windowed, which is what a stream's limits do (a KV bucket's age limit would
 * expire statuses and dedupe claims with it, and per-key expiry needs nats-server 2.11); a stream
 * also gives every ingest instance every line in order, and a sequence to resume a live view from.
 */
export class WireLogRepository {
  private constructor(
    private readonly nc: NatsConnection,
    private readonly publisher: EventPublisher,
    private readonly settings: WireLogSettings,
  ) {}

  static async open(nc: NatsConnection, publisher: EventPublisher, settings: WireLogSettings): Promise<WireLogRepository> {
    await upsertStream(await jetstreamManager(nc), {
      name: streamNames(settings.namespace).wireLog,
      subjects: [subjectsFor(settings.namespace).wireLog],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      discard: DiscardPolicy.Old,
      num_replicas: settings.replicas,
      max_age: nanos(settings.retentionMs),
      max_msgs: settings.maxItems,
    });
    return new WireLogRepository(nc, publisher, settings);
  }

  /** Appends a line; its stream sequence comes back (the log's cursor and the live view's event id). */
  async append(record: WireItemReceivedV1, correlationId: string): Promise<number> {
    const event = createEvent('news.wire.received', record, { correlationId, producer: 'ingest' });
    return (await this.publisher.publish(event)).seq;
  }

  /** Hands every line in the window, then every new one, to `sink`: an ordered consumer the server forgets when it stops. */
  async tail(sink: WireLogSink, onError: (message: string) => void): Promise<WireLogTail> {
    const stream = streamNames(this.settings.namespace).wireLog;
    const { state } = await (await jetstreamManager(this.nc)).streams.info(stream);
    const consumer = await jetstream(this.nc).consumers.get(stream, { deliver_policy: DeliverPolicy.All });
    const messages: ConsumerMessages = await consumer.consume();
    let reached: () => void = () => undefined;
    const caughtUp = new Promise<void>((resolve) => {
      reached = resolve;
      if (state.messages === 0) resolve();
      setTimeout(resolve, CATCH_UP_LIMIT_MS).unref();
    });
    const loop = (async () => {
      for await (const msg of messages) {
        try {
          sink(msg.seq, readEnvelope('news.wire.received', msg.json()).data);
        } catch (error) {
          // A line this version cannot read (another major) is skipped, not fatal: the log is a view.
          onError(`intake log line ${msg.seq} skipped: ${describeError(error)}`);
        }
        if (msg.seq >= state.last_seq) reached();
      }
    })();
    return {
      caughtUp,
      stop: async () => {
        await messages.close();
        await loop.catch(() => undefined);
      },
    };
  }
}
