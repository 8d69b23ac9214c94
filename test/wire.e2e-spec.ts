import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { subjectsFor, type ArticleKilledV1, type ArticlePublishedV1 } from '#contracts';
import { TestPipeline } from './harness/pipeline.js';
import { EXAMPLE_PAGE, fixtureBytes, fixtureText } from './harness/fixtures.js';
import { collect, eventually, type Collected } from './harness/subscriptions.js';

const NEWSML_G2 = fixtureText('iptc-newsml-g2/LISTING_1_A_NewsML-G2_News_Item.xml');

describe('wire intake: POST /v1/wire', () => {
  let pipeline: TestPipeline;
  let lifecycle: Collected<ArticlePublishedV1 & ArticleKilledV1>;
  let db: pg.Client;

  const postWire = async (body: string | Buffer, contentType: string) => {
    const response = await pipeline.request('ingest', '/v1/wire', { method: 'POST', headers: { 'content-type': contentType }, body });
    return { status: response.status, contentType: response.headers.get('content-type'), body: (await response.json()) as any };
  };
  const statusOf = async (id: string) => (await (await pipeline.request('ingest', `/v1/articles/${id}/status`)).json()) as any;
  const LIFECYCLE = /\.article\.(published|updated|corrected|killed)\.v1$/;
  const eventsFor = (id: string) => lifecycle.events.filter((e) => LIFECYCLE.test(e.subject) && (e.data.article?.id ?? e.data.articleId) === id);

  beforeAll(async () => {
    pipeline = await TestPipeline.start({ MAX_BODY_BYTES: String(256 * 1024) });
    lifecycle = collect(pipeline.ns.nc, subjectsFor(pipeline.ns.namespace).articleEvents);
    db = new pg.Client({ connectionString: pipeline.ns.databaseUrl });
    await db.connect();
  }, 60_000);

  afterAll(async () => {
    lifecycle?.stop();
    await db?.end();
    await pipeline?.close();
  }, 60_000);

  it('publishes a NewsML-G2 item, turns a newer version into an update and a canceled one into a kill', async () => {
    const first = await postWire(NEWSML_G2, 'application/vnd.iptc.g2.newsitem+xml');
    expect(first.status).toBe(202);
    expect(first.body.format).toBe('newsml-g2');
    expect(first.body.items).toEqual([expect.objectContaining({ index: 0, outcome: 'new', headline: 'Fed to halt QE to avert "bubble"' })]);
    const id: string = first.body.items[0].articleId;
    await eventually('the published event', () => eventsFor(id).find((e) => e.subject === subjectsFor(pipeline.ns.namespace).lifecycle.published));

    const again = await postWire(NEWSML_G2, 'application/xml');
    expect(again.body.items[0]).toMatchObject({ articleId: id, outcome: 'duplicate' });

    const newer = NEWSML_G2.replace('version="11"', 'version="12"').replace('avert "bubble"', 'avert a "bubble"');
    const update = await postWire(newer, 'application/xml');
    expect(update.body.items[0]).toMatchObject({ articleId: id, outcome: 'updated' });
    const updated = await eventually('the updated event', () => eventsFor(id).find((e) => e.subject === subjectsFor(pipeline.ns.namespace).lifecycle.updated));
    expect(updated.data.article.headline).toBe('Fed to halt QE to avert a "bubble"');

    const stale = await postWire(NEWSML_G2, 'application/xml');
    expect(stale.body.items[0]).toMatchObject({ articleId: id, outcome: 'stale', reason: 'version 11 arrived after version 12 and was not applied' });
    expect(await statusOf(id)).toMatchObject({ status: 'stale' });

    const canceled = newer.replace('version="12"', 'version="13"').replace('stat:usable', 'stat:canceled');
    const kill = await postWire(canceled, 'application/xml');
    expect(kill.body.items[0]).toMatchObject({ articleId: id, outcome: 'killed' });
    const killed = await eventually('the killed event', () => eventsFor(id).find((e) => e.subject === subjectsFor(pipeline.ns.namespace).lifecycle.killed));
    expect(killed.data.reason).toMatch(/canceled/);
    const { rows } = await db.query('SELECT status FROM articles WHERE id = $1', [id]);
    expect(rows[0].status).toBe('killed');
    await eventually('the killed status', async () => ((await statusOf(id)).status === 'killed' ? true : undefined));

    const afterKill = newer.replace('version="12"', 'version="14"').replace('avert a "bubble"', 'avert bubbles');
    const refused = await postWire(afterKill, 'application/xml');
    expect(refused.body.items[0]).toMatchObject({ articleId: id, outcome: 'rejected', reason: 'the story was killed; version 14 is refused' });
    expect(await statusOf(id)).toMatchObject({ status: 'rejected', reason: 'the story was killed; version 14 is refused' });
  }, 30_000);

  it('keeps a cancel notice that comes before its story: the story is never published, the kill shows in the status', async () => {
    const guid = `urn:newsml:example.com:20260101:kill-first-${Date.now()}`;
    const story = NEWSML_G2.replace(/guid="[^"]+"/, `guid="${guid}"`);
    const kill = await postWire(story.replace('stat:usable', 'stat:canceled'), 'application/xml');
    expect(kill.body.items[0]).toMatchObject({ outcome: 'killed', reason: expect.stringMatching(/before the story arrived/) });
    const id: string = kill.body.items[0].articleId;
    expect(await statusOf(id)).toMatchObject({ status: 'killed' });
    const late = await postWire(story, 'application/xml');
    expect(late.body.items[0]).toMatchObject({ articleId: id, outcome: 'rejected', reason: expect.stringMatching(/killed this story before it arrived/) });
    // Give a wrongly emitted story the time to be published, then check it was not.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(eventsFor(id)).toEqual([]);
    const { rows } = await db.query('SELECT id FROM articles WHERE id = $1', [id]);
    expect(rows).toEqual([]);
    expect(await statusOf(id)).toMatchObject({ status: 'killed' });
  }, 30_000);

  it('publishes every item of an RSS feed as its own article', async () => {
    const response = await postWire(fixtureText('wire/rss-latin1-pt.xml'), 'application/rss+xml');
    expect(response.status).toBe(202);
    expect(response.body.format).toBe('rss');
    const fresh = response.body.items.filter((i: { outcome: string }) => i.outcome === 'new');
    expect(fresh.length).toBeGreaterThan(1);
    for (const item of fresh) await eventually(`item ${item.index} published`, () => eventsFor(item.articleId).length > 0 || undefined);
    const { rows } = await db.query('SELECT count(*)::int AS n FROM articles WHERE id = ANY($1::uuid[])', [
      fresh.map((i: { articleId: string }) => i.articleId),
    ]);
    expect(rows[0].n).toBe(fresh.length);
  }, 30_000);

  it('publishes the example page with its section and teasers kept out of the body', async () => {
    const response = await postWire(fixtureBytes(EXAMPLE_PAGE), 'text/plain; charset=utf-8');
    expect(response.body).toMatchObject({ format: 'plain-text', items: [expect.objectContaining({ outcome: 'new' })] });
    const id: string = response.body.items[0].articleId;
    const event = await eventually('the example published', () => eventsFor(id)[0]);
    expect(event.data.article).toMatchObject({ section: 'Économie', language: 'fr' });
    expect(event.data.article.related).toHaveLength(5);
    expect(event.data.article.bodyText).not.toMatch(/Douai :|En Ligne|RC Lens/);
    const tagged = [...event.data.article.people, ...event.data.article.organisations, ...event.data.article.places].map((e) => e.name);
    expect(tagged).toEqual(expect.arrayContaining(['Renault', 'Stellantis', 'Claire Vasseur']));
    for (const teaserName of ['RC Lens', 'Lille', 'Arras', 'Cambrai', 'Nantes']) expect(tagged).not.toContain(teaserName);
  }, 30_000);

  it('refuses an XML document with external entities, without reading the file', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&xxe;</title></channel></rss>`;
    const response = await postWire(xxe, 'application/rss+xml');
    expect(response.status).toBe(422);
    expect(response.contentType).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe('doctype-forbidden');
    expect(JSON.stringify(response.body)).not.toContain('root:');
  });

  it('answers 413 problem+json to a body over the configured size', async () => {
    const response = await postWire(Buffer.alloc(300 * 1024, 'a'), 'text/plain');
    expect(response.status).toBe(413);
    expect(response.contentType).toMatch(/^application\/problem\+json/);
  });

  it('answers 415 to a document in no format it reads', async () => {
    const response = await postWire(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'image/png');
    expect(response.status).toBe(415);
    expect(response.body.code).toBe('unsupported-format');
  });
});
