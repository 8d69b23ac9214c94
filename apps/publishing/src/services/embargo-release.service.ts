import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Subjects } from '#contracts';
import { derivedEventId, describeError, IntakeStatusReporter, SUBJECTS } from '#messaging';
import { PublicationRepository, type DueEmbargo } from '../repositories/publication.repository.js';
import type { OutboxWrite } from '../repositories/outbox.repository.js';
import { lifecycleMessage } from './lifecycle-events.js';
import { OutboxRelayService } from './outbox-relay.service.js';

export const EMBARGO_POLL_MS = Symbol('EMBARGO_POLL_MS');
const BATCH = 100;

/**
 * Publishes embargoed stories when their time comes. The state is in Postgres,
 * so a restart loses nothing: the first round after start releases whatever
 * fell due meanwhile. Each release and its published event commit together (outbox).
 */
@Injectable()
export class EmbargoReleaseService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EmbargoRelease');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly store: PublicationRepository,
    private readonly relay: OutboxRelayService,
    private readonly statuses: IntakeStatusReporter,
    @Inject(SUBJECTS) private readonly subjects: Subjects,
    @Inject(EMBARGO_POLL_MS) private readonly pollMs: number,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.pollMs);
    this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.releaseDue()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.warn(`embargo release round failed, will retry: ${describeError(error)}`))
      .finally(() => (this.running = undefined));
  }

  /** Releases due embargoes in batches until none is left; returns how many. */
  async releaseDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const { due: released, owed } = await this.store.transaction(async (tx) => {
        const due = await tx.lockDueEmbargoes(BATCH);
        if (!due.length) return { due, owed: [] };
        await tx.markReleased(due.map((d) => d.id));
        const owed = due.map((d) => this.publishedMessage(d));
        await tx.enqueue(owed);
        return { due, owed };
      });
      total += released.length;
      this.relay.deliver(owed);
      await Promise.all(released.map((d) => this.statuses.setStatus({ articleId: d.id, status: 'published', correlationId: d.correlationId ?? d.id })));
      if (released.length < BATCH) return total;
    }
  }

  private publishedMessage(due: DueEmbargo): OutboxWrite {
    // Derived from article and revision: a release retried after a crash owes the same event.
    const id = derivedEventId(`${due.id}:${due.revision}`, 'embargo-release');
    const origin = { correlationId: due.correlationId ?? due.id, producer: 'publishing' };
    return lifecycleMessage(this.subjects, id, origin, { action: 'published', article: due.document, revision: due.revision });
  }
}
