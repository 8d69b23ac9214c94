import { Inject, Injectable } from '@nestjs/common';
import { jetstreamManager, type JetStreamManager, type StoredMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { streamNames, type DeadLetterV1, type Envelope, type Subjects } from '#contracts';
import { EventPublisher, NATS_CONNECTION, SUBJECTS } from '#messaging';

export interface StoredDeadLetter {
  /** The dead letter's sequence in the dead-letter stream: its id for redrive. */
  id: number;
  correlationId: string;
  letter: DeadLetterV1;
}

/** Dead letters live in their own JetStream stream until someone redrives or discards them. */
@Injectable()
export class DeadLetterRepository {
  private jsm?: JetStreamManager;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SUBJECTS) private readonly subjects: Subjects,
    private readonly publisher: EventPublisher,
  ) {}

  private get stream() {
    return streamNames(this.subjects.namespace).deadLetters;
  }

  private async manager(): Promise<JetStreamManager> {
    return (this.jsm ??= await jetstreamManager(this.nc));
  }

  /** Oldest first, from the sequence after `after`. */
  async list(after: number, limit: number): Promise<StoredDeadLetter[]> {
    const jsm = await this.manager();
    const { state } = await jsm.streams.info(this.stream);
    const letters: StoredDeadLetter[] = [];
    for (let seq = Math.max(after + 1, state.first_seq); seq <= state.last_seq && letters.length < limit; seq++) {
      const stored = await jsm.streams.getMessage(this.stream, { seq }).catch(() => null);
      if (stored) letters.push(toDeadLetter(stored));
    }
    return letters;
  }

  async find(id: number): Promise<StoredDeadLetter | undefined> {
    const stored = await (await this.manager()).streams.getMessage(this.stream, { seq: id }).catch(() => null);
    return stored ? toDeadLetter(stored) : undefined;
  }

  /**
   * Sends the original message back to its subject, then removes the dead
   * letter. The msg id is tied to the dead letter, so a repeated redrive
   * inside the dedupe window is not delivered twice.
   */
  async redrive(dead: StoredDeadLetter): Promise<void> {
    const { letter } = dead;
    const payload = letter.payloadEncoding === 'base64' ? Buffer.from(letter.payload, 'base64').toString('utf8') : letter.payload;
    await this.publisher.publishSerialized(letter.subject, payload, {
      msgId: `redrive:${this.stream}:${dead.id}`,
      headers: { 'Depeche-Redriven-From': String(dead.id) },
    });
    await (await this.manager()).streams.deleteMessage(this.stream, dead.id, false);
  }
}

function toDeadLetter(stored: StoredMsg): StoredDeadLetter {
  const event = stored.json<Envelope<DeadLetterV1>>();
  return { id: stored.seq, correlationId: event.correlationId, letter: event.data };
}
