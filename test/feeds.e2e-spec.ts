import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { subjectsFor, type ArticlePublishedV1 } from '#contracts';
import { TestPipeline } from './harness/pipeline.js';
import { collect, eventually, type Collected } from './harness/subscriptions.js';

const rss = (items: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test wire</title><language>fr</language>
${items.map((t, i) => `<item><guid>urn:test:${t}</guid><title>${t}</title><description>Le texte de la dépêche ${t}, numéro ${i}.</description><pubDate>Wed, 25 Nov 2026 10:0${i}:00 +0100</pubDate></item>`).join('\n')}
</channel></rss>`;

/** A feed served by the test itself on 127.0.0.1, honouring If-None-Match. */
class TestFeedServer {
  body = rss(['Premier', 'Deuxième']);
  broken = false;
  requests: IncomingHttpHeaders[] = [];
  private server?: Server;

  get etag() {
    return `"${createHash('sha1').update(this.body).digest('hex')}"`;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.requests.push(req.headers);
      if (this.broken) return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss><channel><item><title>oops');
      if (req.headers['if-none-match'] === this.etag) return res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: this.etag }).end(this.body);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/feed.xml`;
  }

  stop() {
    this.server?.close();
  }
}

describe('feeds: registration and polling', () => {
  let pipeline: TestPipeline;
  let feedServer: TestFeedServer;
  let published: Collected<ArticlePublishedV1>;
  let feedUrl: string;

  const register = (body: unknown) =>
    pipeline
      .request('ingest', '/v1/feeds', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
  const feedState = async (id: string) => ((await pipeline.get('ingest', '/v1/feeds')).body.items as any[]).find((f) => f.id === id);
  const headlines = () => published.events.map((e) => e.data.article.headline);

  beforeAll(async () => {
    pipeline = await TestPipeline.start({ FEED_ALLOW_PRIVATE_NETWORKS: 'true', FEED_MIN_INTERVAL_SECONDS: '1' });
    published = collect(pipeline.ns.nc, subjectsFor(pipeline.ns.namespace).lifecycle.published);
    feedServer = new TestFeedServer();
    feedUrl = await feedServer.start();
  }, 60_000);

  afterAll(async () => {
    feedServer?.stop();
    published?.stop();
    await pipeline?.close();
  }, 60_000);

  it('polls a registered feed with ETag, ingests each item once, across a restart too', async () => {
    const registered = await register({ url: feedUrl, intervalSeconds: 1, source: 'test-wire' });
    expect(registered.status).toBe(201);
    const id: string = registered.body.id;

    await eventually('both items published', () => ['Premier', 'Deuxième'].every((h) => headlines().includes(h)) || undefined);
    await eventually('a conditional poll', () => feedServer.requests.some((h) => h['if-none-match'] === feedServer.etag) || undefined, 10_000);

    feedServer.body = rss(['Premier', 'Deuxième', 'Troisième']);
    await eventually('the new item published', () => headlines().includes('Troisième') || undefined, 10_000);

    await pipeline.stopService('ingest');
    await pipeline.startService('ingest');
    const polls = feedServer.requests.length;
    feedServer.body = rss(['Premier', 'Deuxième', 'Troisième', 'Quatrième']);
    await eventually('polling resumed after the restart', () => headlines().includes('Quatrième') || undefined, 10_000);
    expect(feedServer.requests.length).toBeGreaterThan(polls);

    for (const headline of ['Premier', 'Deuxième', 'Troisième', 'Quatrième']) expect(headlines().filter((h) => h === headline)).toHaveLength(1);
    const state = await feedState(id);
    expect(state).toMatchObject({ url: feedUrl, consecutiveFailures: 0, counts: expect.objectContaining({ new: 4 }) });
    expect(state.lastPolledAt).toBeDefined();
    expect(state.lastError).toBeUndefined();

    // The restarted ingest read the intake log back from its stream: the lines from before the restart are there.
    const lines = await eventually("the feed's lines, published, in the intake log", async () => {
      const log = await pipeline.get('ingest', '/v1/wire/items?channel=feed&outcome=new&limit=200');
      const ours = log.body.items.filter((line: any) => line.feed === id);
      return ours.every((line: any) => line.status?.status === 'published') ? ours : undefined;
    });
    expect(lines.map((line: any) => line.headline).sort()).toEqual(['Deuxième', 'Premier', 'Quatrième', 'Troisième']);
    expect(lines[0]).toMatchObject({ channel: 'feed', source: 'test-wire', format: 'rss' });
  }, 60_000);

  it('backs off a feed that returns garbage, and says why', async () => {
    const registered = await register({ url: feedUrl.replace('feed.xml', 'broken.xml'), intervalSeconds: 1 });
    feedServer.broken = true;
    const state = await eventually(
      'two failed polls',
      async () => {
        const s = await feedState(registered.body.id);
        return s?.consecutiveFailures >= 2 ? s : undefined;
      },
      15_000,
    );
    feedServer.broken = false;
    expect(state.lastError).toMatch(/XML|malformed|unclosed|expected/i);
    const wait = Date.parse(state.nextPollAt) - Date.parse(state.lastPolledAt);
    expect(wait).toBeGreaterThanOrEqual(3500);
  }, 30_000);

  it('refuses feed URLs that are not http(s) or point to private addresses unless allowed', async () => {
    expect((await register({ url: 'file:///etc/passwd' })).body.errors).toEqual([{ field: 'url', reason: 'must be an http or https URL' }]);
    expect((await register({ url: feedUrl, intervalSeconds: 0 })).status).toBe(400);
  });
});
