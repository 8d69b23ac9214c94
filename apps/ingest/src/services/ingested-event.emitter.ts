import { Injectable } from '@nestjs/common';
import { Events, type ArticleIngestedV1, type CanonicalArticle } from '#contracts';
import { createEvent, EventPublisher } from '#messaging';
import { ProblemException } from '#runtime';
import { IntakeStatusRepository } from '../repositories/intake-status.repository.js';
import { jsonBytesAtMost } from './json-size-bound.js';

export interface EmitOptions {
  correction?: string;
  killReason?: string;
  /** Deterministic where a retry may emit the same thing again, so JetStream drops the copy. */
  eventId?: string;
  /** A retry of an emission that may have gone out already: the status it set must not be set back. */
  resumed?: boolean;
}

/** Room for the envelope, headers and the event's other fields beside the article. */
const ENVELOPE_BYTES = 8 * 1024;

/** The one way an article leaves ingest: status "received" first, then the ingested event. */
@Injectable()
export class IngestedEventEmitter {
  constructor(
    private readonly publisher: EventPublisher,
    private readonly statuses: IntakeStatusRepository,
  ) {}

  /**
   * Why `article` cannot travel as one event (larger than the server's max_payload), or undefined when it can.
   * Asked before anything is claimed or stored, so a refusal leaves no trace behind.
   */
  oversize(article: Pick<CanonicalArticle, 'headline'>): string | undefined {
    const limit = this.publisher.maxPayload();
    if (limit === undefined || jsonBytesAtMost(article) + ENVELOPE_BYTES <= limit) return undefined;
    const bytes = Buffer.byteLength(JSON.stringify(article)) + ENVELOPE_BYTES;
    return bytes > limit ? `is ${bytes} bytes as an event, over the message limit of ${limit} bytes (NATS max_payload)` : undefined;
  }

  /** 413 problem+json when the article is too large to travel as one event. */
  assertFits(article: CanonicalArticle): void {
    const reason = this.oversize(article);
    if (reason) throw ProblemException.of(413, 'article-too-large', 'Article too large', `The article ${reason}.`, { errors: [{ field: 'body', reason }] });
  }

  async emit(action: ArticleIngestedV1['action'], article: CanonicalArticle, correlationId: string, options: EmitOptions = {}): Promise<void> {
    this.assertFits(article);
    const { eventId, resumed, ...extras } = options;
    // Status first, so a fast pipeline's "published" is never overwritten by a late "received": one connection
    // sends in order, and the next status comes from another service only after it has handled this event.
    // Both are awaited together, which saves a round trip on every request.
    const received = resumed
      ? this.statuses.setReceivedIfNew({ articleId: article.id, correlationId })
      : this.statuses.setStatus({ articleId: article.id, status: 'received', correlationId });
    const event = createEvent(
      Events.articleIngested.type,
      { action, article, receivedAt: new Date().toISOString(), ...extras },
      { correlationId, producer: 'ingest' },
      eventId,
    );
    await Promise.all([received, this.publisher.publish(event)]);
  }
}
