import { Webhook } from 'standardwebhooks';
import type { ArticleKilledV1, ArticlePublishedV1 } from '#contracts';
import { NEWSML_G2_MEDIA_TYPE, toNewsMlG2, toNewsMlG2Cancel, toNinjs } from '#wire/writers';
import type { ClaimedDelivery } from '../repositories/delivery.repository.js';
import { webhookIdOf } from '../repositories/delivery.repository.js';

export interface WebhookRequest {
  headers: Record<string, string>;
  body: string;
}

const isKill = (data: ArticlePublishedV1 | ArticleKilledV1): data is ArticleKilledV1 => !('article' in data);

/** The article in the subscriber's format: a ninjs 3.1 object, or a NewsML-G2 news item as text (a kill: the item cancelled). */
function articleIn(delivery: ClaimedDelivery, provider: string): Record<string, unknown> | string | undefined {
  const { data } = delivery;
  if (delivery.format === 'newsml-g2') {
    return isKill(data)
      ? toNewsMlG2Cancel(
          { articleId: data.articleId, revision: data.revision, killedAt: data.killedAt, reason: data.reason, language: data.language },
          { provider },
        )
      : toNewsMlG2(data.article, { revision: data.revision, updatedAt: new Date(data.publishedAt) }, { provider });
  }
  return isKill(data) ? undefined : toNinjs(data.article, data);
}

/**
 * The body: the Standard Webhooks JSON envelope, `{ type, timestamp, data: { articleId, revision,
 * format, article } }`, with the article as ninjs 3.1 (a kill carries its `reason` and no article), or
 * as the NewsML-G2 item's text with its media type. G2 travels wrapped, not as the raw XML body:
 * every Standard Webhooks verifier parses the payload as JSON once the signature holds, so an XML
 * body would fail the official libraries; unwrapped, `data.article` goes to a G2 ingest as it is.
 */
export function webhookBody(delivery: ClaimedDelivery, provider: string): string {
  const { data } = delivery;
  const article = articleIn(delivery, provider);
  const payload = {
    articleId: delivery.articleId,
    revision: delivery.revision,
    format: delivery.format,
    ...(delivery.format === 'newsml-g2' ? { contentType: NEWSML_G2_MEDIA_TYPE } : {}),
    ...(article !== undefined ? { article } : {}),
    ...(isKill(data) ? { reason: data.reason, killedAt: data.killedAt } : data.correction ? { correction: data.correction } : {}),
  };
  return JSON.stringify({ type: delivery.type, timestamp: new Date(delivery.occurredAt).toISOString(), data: payload });
}

/**
 * The same body serves every subscriber of one format (nothing in it is theirs): bodies are kept
 * by event and format, the most recent `size`, so an event owed to many is written once.
 */
export class WebhookBodies {
  private readonly bodies = new Map<string, string>();

  constructor(
    private readonly provider: string,
    private readonly size = 2000,
  ) {}

  of(delivery: ClaimedDelivery): string {
    const key = `${delivery.eventId}:${delivery.format}`;
    let body = this.bodies.get(key);
    if (body === undefined) {
      body = webhookBody(delivery, this.provider);
      if (this.bodies.size >= this.size) this.bodies.delete(this.bodies.keys().next().value!);
      this.bodies.set(key, body);
    }
    return body;
  }
}

/**
 * The signed request for one delivery, to the Standard Webhooks convention: webhook-id
 * (stable per event and subscriber), webhook-timestamp (this attempt), webhook-signature
 * (v1, HMAC-SHA256 over id.timestamp.body with the subscriber's whsec_ secret).
 */
export function webhookRequest(delivery: ClaimedDelivery, provider: string, now = new Date(), body = webhookBody(delivery, provider)): WebhookRequest {
  const id = webhookIdOf(delivery.eventId, delivery.subscriberId);
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Depeche webhooks',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': new Webhook(delivery.secret).sign(id, now, body),
      'depeche-event-type': delivery.type,
      'depeche-article-id': delivery.articleId,
      'depeche-revision': String(delivery.revision),
    },
  };
}
