import { AckPolicy, DeliverPolicy, DiscardPolicy, RetentionPolicy, StorageType, type JetStreamManager, type StreamConfig } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { streamNames, subjectsFor } from '#contracts';

export interface StreamSettings {
  namespace: string;
  /** How long events are kept for replay. */
  maxAgeMs: number;
  maxBytes: number;
  /** Window in which JetStream drops a republished event by its Nats-Msg-Id. */
  duplicateWindowMs: number;
  replicas: number;
}

export interface ConsumerSettings {
  stream: string;
  durable: string;
  filterSubject: string;
  ackWaitMs: number;
  /** Upper bound of unacknowledged messages across all instances sharing the durable. */
  maxAckPending: number;
}

/** Creates or updates the events and dead-letter streams; safe when several instances start at once. */
export async function ensureStreams(jsm: JetStreamManager, settings: StreamSettings): Promise<void> {
  const names = streamNames(settings.namespace);
  const subjects = subjectsFor(settings.namespace);
  const common: Partial<StreamConfig> = {
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    num_replicas: settings.replicas,
    duplicate_window: nanos(settings.duplicateWindowMs),
  };
  await upsertStream(jsm, {
    ...common,
    name: names.events,
    subjects: subjects.eventStreamSubjects,
    max_age: nanos(settings.maxAgeMs),
    max_bytes: settings.maxBytes,
  });
  // Dead letters are kept until someone redrives or purges them.
  await upsertStream(jsm, { ...common, name: names.deadLetters, subjects: subjects.deadLetterStreamSubjects });
}

/** Creates a stream, or updates it to `config` if it exists; safe when several instances start at once. */
export async function upsertStream(jsm: JetStreamManager, config: Partial<StreamConfig> & { name: string }): Promise<void> {
  try {
    await jsm.streams.add(config);
  } catch (error) {
    if (!isAlreadyInUse(error)) throw error;
    await jsm.streams.update(config.name, config);
  }
}

/**
 * Creates or updates the durable pull consumer of a service. Redelivery is not
 * limited here (max_deliver -1): the transport decides when a message is
 * exhausted, so it can dead-letter it instead of JetStream dropping it silently.
 */
export async function ensureConsumer(jsm: JetStreamManager, settings: ConsumerSettings): Promise<void> {
  const config = {
    durable_name: settings.durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: settings.filterSubject,
    ack_wait: nanos(settings.ackWaitMs),
    max_ack_pending: settings.maxAckPending,
    max_deliver: -1,
  };
  try {
    await jsm.consumers.add(settings.stream, config);
  } catch (error) {
    if (!isAlreadyInUse(error)) throw error;
    const { durable_name: _name, deliver_policy: _policy, ...mutable } = config;
    await jsm.consumers.update(settings.stream, settings.durable, mutable);
  }
}

function isAlreadyInUse(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /already in use|already exists|exists with different|stream name already/i.test(message);
}
