import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { startDelivery } from '../apps/delivery/src/delivery.app.js';
import { DeliveryRetention } from '../apps/delivery/src/services/delivery-retention.service.js';
import { exampleAsEditorArticle } from './harness/fixtures.js';
import { request } from './harness/http.js';
import { newsMlG2Errors } from './harness/newsml-g2.js';
import { AUTH, TestPipeline } from './harness/pipeline.js';
import { eventually } from './harness/subscriptions.js';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A subscriber's endpoint on loopback. Each path answers as a receiver might: `/ok` always 200;
 * `/gone` 410 to its first request, then 200; `/flaky` 500 to its first three requests, then 200; `/down`
 * 503 until the test brings it up.
 */
class Receiver {
  readonly received: Received[] = [];
  private readonly counts = new Map<string, number>();
  private server?: Server;
  base = '';
  /** `/down` answers 503 until this is set. */
  downIsUp = false;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        const path = req.url ?? '/';
        const seen = (this.counts.get(path) ?? 0) + 1;
        this.counts.set(path, seen);
        this.received.push({ path, headers: req.headers, body });
        const status = path === '/gone' && seen === 1 ? 410 : path === '/flaky' && seen <= 3 ? 500 : path === '/down' && !this.downIsUp ? 503 : 200;
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

describe('subscribers: signed pushes of the lifecycle events (Standard Webhooks), ninjs or NewsML-G2', () => {
  let pipeline: TestPipeline;
  let delivery: NestFastifyApplication;
  const receiver = new Receiver();
  const example = exampleAsEditorArticle();
  const secrets: Record<string, string> = {};
  const startedAt = new Date().toISOString();
  const ids: Record<string, string> = {};

  const deliveryUrl = (path: string) => `http://127.0.0.1:${(delivery.getHttpServer().address() as AddressInfo).port}${path}`;
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(deliveryUrl(path), {
      method,
      headers: { ...AUTH, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const subscribe = async (name: string, path: string, extra: Record<string, unknown> = {}) => {
    const created = await call('POST', '/v1/subscribers', { name, url: `${receiver.base}${path}`, ...extra });
    expect(created.status).toBe(201);
    secrets[path] = created.body.secret;
    ids[path] = created.body.id;
    return created.body;
  };
  /** The deliveries a path got, verified with the standardwebhooks verifier, each once (retries share a webhook-id). */
  const verified = (path: string) =>
    receiver.at(path).map((r) => {
      new Webhook(secrets[path]!).verify(r.body, r.headers as Record<string, string>);
      return r;
    });

  beforeAll(async () => {
    await receiver.start();
    pipeline = await TestPipeline.start();
    delivery = await startDelivery({
      ...pipeline.env,
      SUBSCRIBER_ALLOW_PRIVATE_NETWORKS: 'true',
      DELIVERY_POLL_MS: '50',
      DELIVERY_RETRY_BASE_MS: '50',
      DELIVERY_RETRY_MAX_MS: '200',
      DELIVERY_PAUSE_AFTER_FAILURES: '4',
    });
    await subscribe('partner site', '/ok');
    await subscribe('syndication (G2)', '/g2', { format: 'newsml-g2' });
    await subscribe('English desk', '/english', { filter: { languages: ['en'] } });
    await subscribe('kills only', '/gone', { filter: { events: ['published', 'killed'] } });
    await subscribe('flaky CMS', '/flaky');
    await subscribe('app backend, down', '/down', { filter: { events: ['published', 'updated'] } });
  }, 90_000);

  afterAll(async () => {
    await delivery?.close();
    await pipeline?.close();
    await receiver.stop();
  }, 60_000);

  it('refuses a subscriber it could not deliver to, naming the field', async () => {
    const file = await call('POST', '/v1/subscribers', { name: 'x', url: 'file:///etc/passwd' });
    expect(file.status).toBe(400);
    expect(file.body.errors).toEqual([{ field: 'url', reason: 'must be an http or https URL' }]);
    const unknown = await call('POST', '/v1/subscribers', { name: 'x', url: 'https://example.com/hook', filter: { colour: ['red'] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toMatch(/filter/);
    expect((await fetch(deliveryUrl('/v1/subscribers'))).status).toBe(401);
  });

  it('delivers publish, update, correct and kill of a story in order, each signed, each once', async () => {
    const receipt = await request(pipeline, 'ingest', 'POST', '/v1/articles', example);
    const id = receipt.body.id as string;
    await eventually('the published delivery', () => receiver.at('/ok')[0]);
    expect((await request(pipeline, 'ingest', 'PUT', `/v1/articles/${id}`, { ...example, headline: `${example.headline} (mis à jour)` })).status).toBe(202);
    await eventually('the updated delivery', () => receiver.at('/ok')[1]);
    expect((await request(pipeline, 'ingest', 'POST', `/v1/articles/${id}/corrections`, { ...example, note: 'Chiffre rectifié.' })).status).toBe(202);
    await eventually('the corrected delivery', () => receiver.at('/ok')[2]);
    expect((await request(pipeline, 'ingest', 'POST', `/v1/articles/${id}/kill`, { reason: 'Erreur juridique' })).status).toBe(202);
    await eventually('the killed delivery', () => receiver.at('/ok')[3]);

    const bodies = verified('/ok').map((r) => JSON.parse(r.body));
    expect(bodies.map((b) => b.type)).toEqual(['news.article.published', 'news.article.updated', 'news.article.corrected', 'news.article.killed']);
    expect(bodies.map((b) => b.data.revision)).toEqual([1, 2, 3, 4]);
    expect(bodies[0].data).toMatchObject({ articleId: id, article: { uri: `urn:depeche:article:${id}`, version: '1', language: 'fr' } });
    expect(bodies[2].data.correction).toBe('Chiffre rectifié.');
    expect(bodies[3].data).toMatchObject({ articleId: id, reason: 'Erreur juridique' });
    expect(new Set(receiver.at('/ok').map((r) => r.headers['webhook-id'])).size).toBe(4);

    // The same story as NewsML-G2 items in the same envelope, valid against the schema; the kill as the item cancelled.
    await eventually('four G2 deliveries', () => receiver.at('/g2')[3]);
    const envelopes = verified('/g2').map((r) => JSON.parse(r.body));
    expect(envelopes.map((e) => e.type)).toEqual(bodies.map((b) => b.type));
    expect(envelopes.map((e) => [e.data.format, e.data.contentType])).toEqual(Array(4).fill(['newsml-g2', 'application/vnd.iptc.g2.newsitem+xml']));
    for (const envelope of envelopes) expect(await newsMlG2Errors(envelope.data.article)).toEqual([]);
    expect(envelopes.map((e) => /<pubStatus qcode="([^"]+)"/.exec(e.data.article)?.[1])).toEqual([
      'stat:usable',
      'stat:usable',
      'stat:usable',
      'stat:canceled',
    ]);
    expect(envelopes.map((e) => /<newsItem [^>]*version="(\d+)"/.exec(e.data.article)?.[1])).toEqual(['1', '2', '3', '4']);

    // A French story is nobody's business on the English desk.
    expect(receiver.at('/english')).toEqual([]);
  });

  it('dead-letters an event the receiver refuses for good (410), delivers the next, and redrives on request', async () => {
    // /gone answered 410 to the publish of the story above, then took its kill.
    const gone = await eventually('the kill delivered to /gone', () => (receiver.at('/gone').length >= 2 ? receiver.at('/gone') : undefined));
    expect(gone.map((r) => r.headers['depeche-event-type'])).toEqual(['news.article.published', 'news.article.killed']);
    const log = await call('GET', `/v1/subscribers/${ids['/gone']}/deliveries`);
    expect(log.body.items.map((d: { type: string; status: string; lastStatus?: number }) => [d.type, d.status, d.lastStatus])).toEqual([
      ['news.article.killed', 'delivered', 200],
      ['news.article.published', 'failed', 410],
    ]);
    const failed = log.body.items[1];
    const redriven = await call('POST', `/v1/subscribers/${ids['/gone']}/deliveries/${failed.id}/redrive`);
    expect(redriven.status).toBe(202);
    await eventually('the redriven publish', () => receiver.at('/gone')[2]);
    expect(receiver.at('/gone')[2]!.headers['webhook-id']).toBe(failed.webhookId);
  });

  it('retries a failing receiver with the same webhook-id until it recovers, losing and reordering nothing', async () => {
    await eventually('every event at /flaky', () => (new Set(receiver.at('/flaky').map((r) => r.headers['webhook-id'])).size === 4 ? true : undefined));
    await eventually('the last one delivered', async () => {
      const log = await call('GET', `/v1/subscribers/${ids['/flaky']}/deliveries?status=delivered`);
      return log.body.items.length === 4 ? log : undefined;
    });
    const requests = verified('/flaky');
    // Three 500s on the first event, then each event once: the retries carry the first attempt's webhook-id.
    expect(requests.length).toBe(7);
    expect(new Set(requests.slice(0, 4).map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(requests.slice(3).map((r) => r.headers['depeche-event-type'])).toEqual([
      'news.article.published',
      'news.article.updated',
      'news.article.corrected',
      'news.article.killed',
    ]);
    const subscriber = await call('GET', `/v1/subscribers/${ids['/flaky']}`);
    expect(subscriber.body).toMatchObject({ status: 'active', consecutiveFailures: 0, backlog: 0, lastError: 'HTTP 500' });
  });

  it('pauses a subscriber after failures in a row, attempts nothing while it is paused, and delivers its backlog in order on resume', async () => {
    const down = await eventually('the failing subscriber paused', async () => {
      const subscriber = await call('GET', `/v1/subscribers/${ids['/down']}`);
      return subscriber.body.status === 'paused' ? subscriber.body : undefined;
    });
    expect(down).toMatchObject({ pausedReason: 'paused after 4 failed attempts in a row, the last: HTTP 503', backlog: 2 });
    const log = (await call('GET', `/v1/subscribers/${ids['/down']}/deliveries`)).body.items as Array<Record<string, unknown>>;
    expect(log.map((d) => [d.type, d.status, d.attempts])).toEqual([
      ['news.article.updated', 'pending', 0],
      ['news.article.published', 'pending', 4],
    ]);
    // The story's later event waits out of the claims' range: no time to show.
    expect(log[0]!.nextAttemptAt).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.at('/down')).toHaveLength(4);

    receiver.downIsUp = true;
    expect((await call('PATCH', `/v1/subscribers/${ids['/down']}`, { status: 'active' })).status).toBe(200);
    await eventually('the backlog delivered', () => receiver.at('/down')[5]);
    expect(verified('/down').map((r) => r.headers['depeche-event-type'])).toEqual([...Array(5).fill('news.article.published'), 'news.article.updated']);
  });

  it('reports attempts, their time, the backlog and pauses per subscriber on /metrics', async () => {
    const metrics = await (await fetch(deliveryUrl('/metrics'))).text();
    /** A series' value, whatever other labels (the service's) it carries. */
    const value = (name: string, labels: Record<string, string>) =>
      metrics
        .split('\n')
        .filter((line) => line.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`)))
        .map((line) => Number(line.split(' ').at(-1)))[0];
    const flaky = ids['/flaky']!;
    expect(value('depeche_webhook_attempts_total', { subscriber: flaky, outcome: 'retry' })).toBe(3);
    expect(value('depeche_webhook_attempts_total', { subscriber: flaky, outcome: 'delivered' })).toBe(4);
    expect(value('depeche_webhook_attempts_total', { subscriber: ids['/gone']!, outcome: 'failed' })).toBe(1);
    expect(value('depeche_webhook_attempt_seconds_count', { subscriber: flaky })).toBe(7);
    expect(value('depeche_webhook_backlog', { subscriber: flaky })).toBe(0);
    expect(value('depeche_webhook_paused', { subscriber: flaky })).toBe(0);
  });

  it('holds a paused subscriber’s deliveries as its backlog while the others go on, and delivers it on resume', async () => {
    await subscribe('paused partner', '/paused');
    const paused = await call('PATCH', `/v1/subscribers/${ids['/paused']}`, { status: 'paused' });
    expect(paused.body).toMatchObject({ status: 'paused', pausedReason: 'paused by an operator' });
    const before = receiver.at('/ok').length;
    const story = await request(pipeline, 'ingest', 'POST', '/v1/articles', { ...example, headline: 'Pendant la pause' });
    await eventually('the story at an active subscriber', () => receiver.at('/ok')[before]);
    expect(receiver.at('/paused')).toEqual([]);
    expect((await call('GET', `/v1/subscribers/${ids['/paused']}`)).body.backlog).toBe(1);
    expect((await call('PATCH', `/v1/subscribers/${ids['/paused']}`, { status: 'active' })).body).toMatchObject({ status: 'active', consecutiveFailures: 0 });
    const resumed = await eventually('the backlog delivered on resume', () => receiver.at('/paused')[0]);
    expect(JSON.parse(resumed.body).data.articleId).toBe(story.body.id);
  });

  // Last: its live story reaches the other subscribers too.
  it('replays history to a subscriber registered with a time in the past, in order, then delivers live', async () => {
    await subscribe('late partner', '/late', { from: startedAt });
    // Everything published since the start: the first story's four events, and the story published during the pause.
    // Order holds within a story; two stories go side by side.
    await eventually('the replayed history', () => receiver.at('/late')[4]);
    const byStory = new Map<string, string[]>();
    for (const { data, type } of verified('/late').map((r) => JSON.parse(r.body) as { type: string; data: { articleId: string } }))
      byStory.set(data.articleId, [...(byStory.get(data.articleId) ?? []), type]);
    const pausedStory = JSON.parse(receiver.at('/paused')[0]!.body).data.articleId as string;
    expect([...byStory.entries()].sort(([a], [b]) => (a === pausedStory ? 1 : b === pausedStory ? -1 : 0)).map(([, types]) => types)).toEqual([
      ['news.article.published', 'news.article.updated', 'news.article.corrected', 'news.article.killed'],
      ['news.article.published'],
    ]);
    const live = await request(pipeline, 'ingest', 'POST', '/v1/articles', { ...example, headline: 'Une autre histoire' });
    await eventually('the live delivery after the replay', () => receiver.at('/late')[5]);
    expect(JSON.parse(receiver.at('/late')[5]!.body).data.articleId).toBe(live.body.id);
  });

  it('forgets the log past its retention: finished deliveries and the events nothing is owed for any more, never a pending one', async () => {
    const log = async (path: string) => (await call('GET', `/v1/subscribers/${ids[path]}/deliveries?limit=200`)).body.items as Array<{ status: string }>;
    // The paused subscriber gets one more story and holds it: pending rows stay whatever their age.
    expect((await call('PATCH', `/v1/subscribers/${ids['/paused']}`, { status: 'paused' })).status).toBe(200);
    const before = receiver.at('/ok').length;
    await request(pipeline, 'ingest', 'POST', '/v1/articles', { ...example, headline: 'Après la rétention' });
    await eventually('the story at /ok', () => receiver.at('/ok')[before]);
    await eventually('every delivery to /ok recorded', async () => ((await log('/ok')).every((d) => d.status !== 'pending') ? true : undefined));
    await eventually('the story owed to the paused subscriber', async () => ((await log('/paused')).some((d) => d.status === 'pending') ? true : undefined));
    // Retention measured from an hour ahead: everything is older than it.
    const swept = await delivery.get(DeliveryRetention).sweep(new Date(Date.now() + 3_600_000 + 720 * 3_600_000));
    expect(swept.deliveries).toBeGreaterThan(0);
    expect(swept.events).toBeGreaterThan(0);
    expect(await log('/ok')).toEqual([]);
    expect((await log('/paused')).map((d) => d.status)).toEqual(['pending']);
    expect((await call('PATCH', `/v1/subscribers/${ids['/paused']}`, { status: 'active' })).status).toBe(200);
    await eventually('the pending delivery made after the sweep', () => receiver.at('/paused')[1]);
  });
});
