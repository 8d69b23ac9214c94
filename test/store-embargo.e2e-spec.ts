import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { subjectsFor, type ArticlePublishedV1 } from '#contracts';
import { request } from './harness/http.js';
import { ninjsErrors } from './harness/ninjs.js';
import { AUTH, TestPipeline } from './harness/pipeline.js';
import { fixtureText } from './harness/fixtures.js';
import { collect, eventually, type Collected } from './harness/subscriptions.js';

describe('store: embargo', () => {
  let pipeline: TestPipeline;
  let published: Collected<ArticlePublishedV1>;
  let db: pg.Client;

  beforeAll(async () => {
    pipeline = await TestPipeline.start({ EMBARGO_POLL_MS: '100' });
    published = collect(pipeline.ns.nc, `${pipeline.ns.namespace}.>`);
    db = new pg.Client({ connectionString: pipeline.ns.databaseUrl });
    await db.connect();
  }, 60_000);

  afterAll(async () => {
    published?.stop();
    await db?.end();
    await pipeline?.close();
  }, 60_000);

  const isLifecycle = (subject: string) => /\.(article\.(published|updated|corrected|killed)\.v1|published\..+)$/.test(subject);
  const announced = (id: string) => published.events.filter((e) => isLifecycle(e.subject) && e.data.article?.id === id);
  const stateOf = async (id: string) => (await db.query('SELECT status, published_at FROM articles WHERE id = $1', [id])).rows[0];

  it('keeps an embargoed story invisible and unannounced, then releases it after a restart of publishing', async () => {
    const embargo = new Date(Date.now() + 4_000).toISOString();
    const receipt = await request(pipeline, 'ingest', 'POST', '/v1/articles', {
      headline: 'Résultats trimestriels sous embargo',
      body: 'Le chiffre d’affaires progresse de 12 %.',
      section: 'Économie',
      language: 'fr',
      embargo,
    });
    expect(receipt.status).toBe(202);
    const id: string = receipt.body.id;
    // Stored, but nobody may see or hear of it yet.
    await eventually('the embargoed row', async () => (await stateOf(id))?.status === 'embargoed');
    expect((await stateOf(id)).published_at).toBeNull();
    expect((await request(pipeline, 'publishing', 'GET', `/v1/articles/${id}`)).status).toBe(404);
    const listing = await request(pipeline, 'publishing', 'GET', '/v1/articles?q=trimestriels');
    expect(listing.body.items).toEqual([]);
    expect(announced(id)).toEqual([]);
    const statusOf = async () => (await request(pipeline, 'ingest', 'GET', `/v1/articles/${id}/status`)).body.status;
    await eventually('the embargoed status', async () => (await statusOf()) === 'embargoed' || undefined);

    // Publishing is down when the embargo falls due; the release must survive that.
    await pipeline.stopService('publishing');
    await new Promise((resolve) => setTimeout(resolve, Date.parse(embargo) - Date.now() + 300));
    expect(announced(id)).toEqual([]);
    await pipeline.startService('publishing');

    const events = await eventually('the release', () => (announced(id).length >= 2 ? announced(id) : undefined), 15_000);
    const subjects = subjectsFor(pipeline.ns.namespace);
    expect(events.map((e) => e.subject).sort()).toEqual([subjects.lifecycle.published, subjects.routed('published', 'fr', 'Économie')].sort());
    expect(events[0]!.id).toBe(events[1]!.id);
    expect(new Date(events[0]!.occurredAt).getTime()).toBeGreaterThanOrEqual(Date.parse(embargo));
    expect(events[0]!.data).toMatchObject({ revision: 1, article: { id, embargo } });
    const read = await request(pipeline, 'publishing', 'GET', `/v1/articles/${id}`);
    expect(read.status).toBe(200);
    expect(ninjsErrors(read.body)).toEqual([]);
    expect(read.body.embargoedUntil).toBe(embargo);
    expect((await stateOf(id)).status).toBe('published');
    await eventually('the published status', async () => (await statusOf()) === 'published' || undefined);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(announced(id)).toHaveLength(2);
  }, 40_000);

  it('publishes at once a story whose embargo has already passed', async () => {
    const embargo = new Date(Date.now() - 60_000).toISOString();
    const receipt = await request(pipeline, 'ingest', 'POST', '/v1/articles', { headline: 'Embargo levé', body: 'Déjà public.', language: 'fr', embargo });
    await eventually('the published event', () => announced(receipt.body.id).length > 0);
  }, 20_000);

  it('holds a wire item by its own embargo (NewsML-G2 <embargoed>) until its time', async () => {
    const embargo = new Date(Date.now() + 2_500).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const sample = fixtureText('iptc-newsml-g2/LISTING_1_A_NewsML-G2_News_Item.xml');
    const item = sample
      .replace(/<embargoed>[^<]*<\/embargoed>/, `<embargoed>${embargo}</embargoed>`)
      .replace(/guid="[^"]*"/, `guid="urn:newsml:test:${Date.now()}"`);
    const response = await fetch(pipeline.url('ingest', '/v1/wire'), { method: 'POST', headers: { ...AUTH, 'content-type': 'application/xml' }, body: item });
    expect(response.status).toBe(202);
    const id = ((await response.json()) as { items: Array<{ articleId: string }> }).items[0]!.articleId;
    await eventually('the embargoed wire row', async () => (await stateOf(id))?.status === 'embargoed');
    expect(announced(id)).toEqual([]);
    const [event] = await eventually('the release', () => (announced(id).length ? announced(id) : undefined), 15_000);
    expect(Date.parse(event!.occurredAt)).toBeGreaterThanOrEqual(Date.parse(embargo));
    expect((await request(pipeline, 'publishing', 'GET', `/v1/articles/${id}`)).body.embargoedUntil).toBe(new Date(embargo).toISOString());
  }, 30_000);
});
