import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import type { ArticleKilledV1, ArticlePublishedV1 } from '#contracts';
import { NEWSML_G2_MEDIA_TYPE, toNewsMlG2, toNewsMlG2Cancel, toNinjs } from '#wire/writers';
import type { ClaimedDelivery, LeasedDelivery } from '../repositories/delivery.repository.js';
import { webhookIdOf } from '../repositories/delivery.repository.js';

export interface WebhookRequest {
  headers: Record<string, string>;
  /** UTF-8 JSON, encoded once per event and format: many subscribers get the same bytes. */
  body: Buffer;
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

/** A Map that keeps the `size` most recently added entries. */
class Recent<K, V> extends Map<K, V> {
  constructor(private readonly capacity: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (!this.has(key) && this.size >= this.capacity) this.delete(this.keys().next().value!);
    return super.set(key, value);
  }
}

/**
 * The same body serves every subscriber of one format (nothing in it is theirs): bodies are kept
 * by event and format, so an event owed to many is written once; and the events' data, kept from
 * the handler that owed them or read once per event (eventData), never once per delivery.
 */
export class WebhookBodies {
  private readonly bodies: Recent<string, Buffer>;
  private readonly events: Recent<string, ClaimedDelivery['data']>;

  constructor(
    private readonly provider: string,
    size = 2000,
  ) {
    this.bodies = new Recent(size);
    this.events = new Recent(size);
  }

  /** Keeps an event's data for the bodies to come. */
  remember(eventId: string, data: ClaimedDelivery['data']): void {
    this.events.set(eventId, data);
  }

  /** The events of these deliveries whose data is needed and not at hand, each once. */
  unknown(deliveries: readonly LeasedDelivery[]): string[] {
    const ids = deliveries.filter((d) => !this.bodies.has(keyOf(d)) && !this.events.has(d.eventId)).map((d) => d.eventId);
    return [...new Set(ids)];
  }

  /** The body of a delivery; its event's data must be at hand (remembered) unless the body was written already. */
  of(delivery: LeasedDelivery): Buffer {
    const key = keyOf(delivery);
    let body = this.bodies.get(key);
    if (body === undefined) {
      const data = this.events.get(delivery.eventId);
      if (!data) throw new Error(`no data for event ${delivery.eventId}`);
      body = Buffer.from(webhookBody({ ...delivery, data }, this.provider));
      this.bodies.set(key, body);
    }
    return body;
  }
}

const keyOf = (delivery: LeasedDelivery) => `${delivery.eventId}:${delivery.format}`;

/** Signing keys by secret (a whsec_ secret is the key in base64), made once: importing a key costs more than the HMAC. */
const keys = new Recent<string, KeyObject>(1000);

/**
 * The Standard Webhooks v1 signature: HMAC-SHA256 over `id.timestamp.body` with the secret's key, in
 * base64. node:crypto's, not the standardwebhooks package's pure-JavaScript SHA-256, which cost 5 % of
 * delivery's CPU; the tests verify every signature with that package's verifier.
 */
export function webhookSignature(secret: string, id: string, timestampSeconds: number, body: Buffer): string {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = createSecretKey(Buffer.from(secret.replace(/^whsec_/, ''), 'base64'))));
  return `v1,${createHmac('sha256', key).update(`${id}.${timestampSeconds}.`).update(body).digest('base64')}`;
}

/**
 * The signed request for one delivery, to the Standard Webhooks convention: webhook-id
 * (stable per event and subscriber), webhook-timestamp (this attempt), webhook-signature
 * (v1, HMAC-SHA256 over id.timestamp.body with the subscriber's whsec_ secret).
 */
export function webhookRequest(delivery: LeasedDelivery, body: Buffer, now = new Date()): WebhookRequest {
  const id = webhookIdOf(delivery.eventId, delivery.subscriberId);
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Depeche webhooks',
      'webhook-id': id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': webhookSignature(delivery.secret, id, timestamp, body),
      'depeche-event-type': delivery.type,
      'depeche-article-id': delivery.articleId,
      'depeche-revision': String(delivery.revision),
    },
  };
}
