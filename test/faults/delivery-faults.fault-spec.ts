import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { AUTH, TestPipeline } from '../harness/pipeline.js';
import { eventually } from '../harness/subscriptions.js';
import { freePort, killService, startService, stopService, type RunningService } from '../harness/services.js';

const BURST = 60;

/**
 * The delivering service killed (SIGKILL) in the middle of a burst of stories, then started again:
 * every story still reaches the subscriber, once per event apart from retries of the same webhook-id,
 * each signed. The pipeline runs in this process; delivery runs from the production build as a
 * process of its own, so it can be killed.
 */
describe('faults: delivery killed mid-burst loses nothing', () => {
  let pipeline: TestPipeline;
  let delivery: RunningService<'delivery'>;
  let server: Server;
  let endpoint = '';
  let secret = '';
  const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  let env: NodeJS.ProcessEnv;

  const start = async () => startService('delivery', await freePort(), env, { output: 'capture' });

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      // A receiver that takes a little time, so deliveries are in flight when the kill comes.
      req.on('end', () => setTimeout(() => (received.push({ headers: req.headers, body }), res.writeHead(204).end()), 20));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    pipeline = await TestPipeline.start();
    env = { ...pipeline.env, SUBSCRIBER_ALLOW_PRIVATE_NETWORKS: 'true', DELIVERY_POLL_MS: '50', DELIVERY_RETRY_BASE_MS: '50', DELIVERY_RETRY_MAX_MS: '500' };
    delivery = await start();
    const created = await fetch(`http://127.0.0.1:${delivery.port}/v1/subscribers`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'partner', url: endpoint }),
    });
    expect(created.status).toBe(201);
    secret = ((await created.json()) as { secret: string }).secret;
  }, 120_000);

  afterAll(async () => {
    if (delivery) await stopService(delivery);
    await pipeline?.close();
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }, 60_000);

  it('delivers every story of the burst after a kill -9 and a restart', async () => {
    const ids: string[] = [];
    for (let i = 0; i < BURST; i++) {
      const response = await pipeline.post('/v1/articles', { headline: `Dépêche ${i}`, body: `Texte de la dépêche numéro ${i}.`, language: 'fr' });
      expect(response.status).toBe(202);
      ids.push(response.body.id as string);
      if (i === BURST / 3) {
        await eventually('deliveries under way', () => (received.length > 0 ? true : undefined));
        await killService(delivery);
      }
    }
    delivery = await start();
    const delivered = await eventually(
      'every story delivered',
      () => {
        const articles = new Set(received.map((r) => (JSON.parse(r.body) as { data: { articleId: string } }).data.articleId));
        return ids.every((id) => articles.has(id)) ? articles : undefined;
      },
      60_000,
    );
    expect(delivered.size).toBe(BURST);
    const webhook = new Webhook(secret);
    for (const r of received) webhook.verify(r.body, r.headers as Record<string, string>);
    // Duplicates only as retries: a delivery sent again after the kill carries the webhook-id it had.
    const byId = new Map<string, string>();
    for (const r of received) {
      const id = r.headers['webhook-id'] as string;
      const article = (JSON.parse(r.body) as { data: { articleId: string } }).data.articleId;
      expect(byId.get(id) ?? article).toBe(article);
      byId.set(id, article);
    }
    expect(byId.size).toBe(BURST);
  }, 180_000);
});
