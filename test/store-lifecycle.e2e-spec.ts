import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { subjectsFor, type ArticleKilledV1, type ArticlePublishedV1 } from '#contracts';
import { request } from './harness/http.js';
import { newsMlG2Errors } from './harness/newsml-g2.js';
import { ninjsErrors } from './harness/ninjs.js';
import { AUTH, TestPipeline } from './harness/pipeline.js';
import { exampleAsEditorArticle } from './harness/fixtures.js';
import { collect, eventually, type Collected } from './harness/subscriptions.js';

describe('store: update, correct and kill through the ingest API', () => {
  let pipeline: TestPipeline;
  let events: Collected<ArticlePublishedV1 & ArticleKilledV1>;
  let routed: Collected<ArticlePublishedV1 & ArticleKilledV1>;
  let db: pg.Client;
  let id: string;
  const example = exampleAsEditorArticle();

  const eventsOf = (type: string) => events.events.filter((e) => e.type === type && (e.data.article?.id ?? e.data.articleId) === id);
  const nextEvent = (type: string, count: number) => eventually(`${count} ${type} event(s)`, () => eventsOf(type).at(count - 1));

  beforeAll(async () => {
    pipeline = await TestPipeline.start();
    const ns = pipeline.ns.namespace;
    events = collect(pipeline.ns.nc, subjectsFor(ns).articleEvents);
    routed = collect(pipeline.ns.nc, subjectsFor(ns).routedFilter('fr', 'economie'));
    db = new pg.Client({ connectionString: pipeline.ns.databaseUrl });
    await db.connect();
    const receipt = await request(pipeline, 'ingest', 'POST', '/v1/articles', example);
    expect(receipt.status).toBe(202);
    id = receipt.body.id;
    await nextEvent('news.article.published', 1);
  }, 60_000);

  afterAll(async () => {
    events?.stop();
    routed?.stop();
    await db?.end();
    await pipeline?.close();
  }, 60_000);

  it('serves the published article as valid ninjs 3.1 with its tags in their ninjs places', async () => {
    const read = await request(pipeline, 'publishing', 'GET', `/v1/articles/${id}`);
    expect(read.status).toBe(200);
    expect(ninjsErrors(read.body)).toEqual([]);
    expect(read.body).toMatchObject({
      uri: `urn:depeche:article:${id}`,
      type: 'text',
      version: '1',
      language: 'fr',
      pubStatus: 'usable',
      headlines: [{ role: 'main', value: example.headline }],
      descriptions: [{ role: 'summary', value: example.standfirst }],
      altIds: expect.arrayContaining([{ role: 'depeche', value: id }]),
    });
    expect(read.body.bodies.map((b: { contentType: string }) => b.contentType)).toEqual(['text/html', 'text/plain']);
    expect(read.body.subjects).toEqual(expect.arrayContaining([{ name: 'Économie', literal: 'section:Économie', rel: 'section' }]));
    const topics = read.body.subjects.filter((s: { uri?: string }) => s.uri?.startsWith('http://cv.iptc.org/newscodes/mediatopic/'));
    expect(topics.length).toBeGreaterThan(0);
    // Every entity the store holds is in its ninjs list, named as the article writes it.
    const { rows } = await db.query(`SELECT document FROM articles WHERE id = $1`, [id]);
    for (const kind of ['people', 'organisations', 'places'] as const) {
      const stored = rows[0].document[kind] as Array<{ id: string; name: string; localName?: string }>;
      expect((read.body[kind] ?? []).map((e: { literal: string }) => e.literal)).toEqual(stored.map((e) => e.id));
    }
    expect(read.body.subjects.filter((s: { rel: string }) => s.rel === 'keyword').length).toBe(rows[0].document.keywords.length);
  });

  it('serves the same article as a NewsML-G2 2.35 news item on ?format=newsml-g2 or its Accept type, valid against the XSD', async () => {
    const byQuery = await request(pipeline, 'publishing', 'GET', `/v1/articles/${id}?format=newsml-g2`);
    expect(byQuery.status).toBe(200);
    expect(byQuery.contentType).toBe('application/vnd.iptc.g2.newsitem+xml; charset=utf-8');
    expect(await newsMlG2Errors(byQuery.text)).toEqual([]);
    expect(byQuery.text).toContain(`guid="urn:depeche:article:${id}" version="1"`);
    expect(byQuery.text).toContain(`<headline>${example.headline}</headline>`);
    expect(byQuery.text).toMatch(/<subject type="cpnat:abstract" qcode="medtop:\d{8}"/);
    const byAccept = await fetch(pipeline.url('publishing', `/v1/articles/${id}`), { headers: { ...AUTH, accept: 'application/vnd.iptc.g2.newsitem+xml' } });
    expect(byAccept.headers.get('content-type')).toMatch(/^application\/vnd\.iptc\.g2\.newsitem\+xml/);
    expect(await byAccept.text()).toBe(byQuery.text);
    const unknown = await request(pipeline, 'publishing', 'GET', `/v1/articles/${id}?format=nitf`);
    expect(unknown.status).toBe(400);
    expect(unknown.contentType).toMatch(/application\/problem\+json/);
    expect(unknown.body.errors).toEqual([{ field: 'format', reason: 'must be one of ninjs, newsml-g2' }]);
  });

  it('makes a new revision and an updated event on PUT', async () => {
    const response = await request(pipeline, 'ingest', 'PUT', `/v1/articles/${id}`, { ...example, headline: `${example.headline} (mis à jour)` });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ id, status: 'received' });
    const updated = await nextEvent('news.article.updated', 1);
    expect(updated.data.revision).toBe(2);
    expect(updated.data.article.headline).toMatch(/\(mis à jour\)$/);
    // Who the story belongs to survives the editor's new version.
    expect(updated.data.article.firstCreated).toBe((await nextEvent('news.article.published', 1)).data.article.firstCreated);
    const read = await request(pipeline, 'publishing', 'GET', `/v1/articles/${id}`);
    expect(read.body.version).toBe('2');
    expect(read.body.headlines[0].value).toMatch(/\(mis à jour\)$/);
  }, 30_000);

  it('adds a visible correction note with a correction', async () => {
    const note = 'Une version précédente attribuait le rachat à Google.';
    const response = await request(pipeline, 'ingest', 'POST', `/v1/articles/${id}/corrections`, {
      ...example,
      headline: `${example.headline} (corrigé)`,
      note,
    });
    expect(response.status).toBe(202);
    const corrected = await nextEvent('news.article.corrected', 1);
    expect(corrected.data).toMatchObject({ revision: 3, correction: note });
    expect(corrected.data.article.corrections).toEqual([{ note, revision: 3, correctedAt: expect.any(String) }]);
    const read = await request(pipeline, 'publishing', 'GET', `/v1/articles/${id}`);
    expect(ninjsErrors(read.body)).toEqual([]);
    expect(read.body.descriptions).toContainEqual({ role: 'correction', contentType: 'text/plain', value: note });

    const revisions = await request(pipeline, 'publishing', 'GET', `/v1/articles/${id}/revisions`);
    expect(revisions.status).toBe(200);
    expect(revisions.body.items.map((r: { revision: number; action: string }) => [r.revision, r.action])).toEqual([
      [1, 'submit'],
      [2, 'update'],
      [3, 'correct'],
    ]);
    expect(revisions.body.items[2]).toMatchObject({ note, tagger: expect.stringMatching(/^nlp@/), correlationId: response.body.correlationId });
    for (const revision of revisions.body.items) expect(ninjsErrors(revision.document)).toEqual([]);
    expect(revisions.body.items[0].document.headlines[0].value).toBe(example.headline);
  }, 30_000);

  it('refuses a correction without a note and a kill without a reason, naming the field', async () => {
    const correction = await request(pipeline, 'ingest', 'POST', `/v1/articles/${id}/corrections`, example);
    expect(correction.status).toBe(400);
    expect(correction.body.errors).toContainEqual({ field: 'note', reason: 'is required' });
    const kill = await request(pipeline, 'ingest', 'POST', `/v1/articles/${id}/kill`, { reason: ' ' });
    expect(kill.status).toBe(400);
    expect(kill.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
  });

  it('answers 404 to an update of an article it never received', async () => {
    const response = await request(pipeline, 'ingest', 'PUT', `/v1/articles/${randomUUID()}`, example);
    expect(response.status).toBe(404);
    expect(response.contentType).toMatch(/^application\/problem\+json/);
  });

  it('kills a corrected article: a killed event with the reason everywhere, and 410 on every read path', async () => {
    const reason = 'Retiré à la demande du service juridique.';
    const response = await request(pipeline, 'ingest', 'POST', `/v1/articles/${id}/kill`, { reason });
    expect(response.status).toBe(202);
    const killed = await nextEvent('news.article.killed', 1);
    expect(killed.data).toMatchObject({ articleId: id, reason, revision: 4, language: 'fr', section: 'Économie' });
    const copy = await eventually('the routed kill', () => routed.events.find((e) => e.subject.endsWith('.killed') && e.data.articleId === id));
    expect(copy.subject).toBe(subjectsFor(pipeline.ns.namespace).routed('killed', 'fr', 'economie'));
    expect(copy.id).toBe(killed.id);

    const read = await request(pipeline, 'publishing', 'GET', `/v1/articles/${id}`);
    expect(read.status).toBe(410);
    expect(read.body).toMatchObject({ status: 410, reason });
    expect((await request(pipeline, 'publishing', 'GET', `/v1/articles/${id}/revisions`)).status).toBe(410);
    const listing = await request(pipeline, 'publishing', 'GET', '/v1/articles?limit=100');
    expect(listing.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    const search = await request(pipeline, 'publishing', 'GET', `/v1/articles?q=${encodeURIComponent('Renault Stellantis')}`);
    expect(search.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    const feed = await request(pipeline, 'publishing', 'GET', '/v1/feeds/sections/economie.json');
    expect(feed.body.items.map((i: { id: string }) => i.id)).not.toContain(`urn:uuid:${id}`);

    const { rows } = await db.query(
      `SELECT status, kill_reason, (SELECT count(*)::int FROM article_tags WHERE article_id = $1) AS tags FROM articles WHERE id = $1`,
      [id],
    );
    expect(rows[0]).toEqual({ status: 'killed', kill_reason: reason, tags: 0 });
    const subjects = subjectsFor(pipeline.ns.namespace);
    expect(events.events.filter((e) => e.subject === subjects.lifecycle.killed && e.data.articleId === id)).toHaveLength(1);
  }, 30_000);

  it('takes PUT with the source and externalId the article was sent with, and refuses others naming the field', async () => {
    const externalId = `afp-${randomUUID()}`;
    const sent = await request(pipeline, 'ingest', 'POST', '/v1/articles', { ...example, source: 'afp', externalId });
    const other = sent.body.id as string;
    const same = await request(pipeline, 'ingest', 'PUT', `/v1/articles/${other}`, { ...example, source: 'afp', externalId, headline: 'Nouvelle version' });
    expect(same.status).toBe(202);
    const moved = await request(pipeline, 'ingest', 'PUT', `/v1/articles/${other}`, { ...example, source: 'afp', externalId: 'afp-other' });
    expect(moved.status).toBe(400);
    expect(moved.body.errors).toEqual([
      {
        field: 'source/externalId',
        reason: `does not match article ${other}: source "afp" with externalId "afp-other" was never received; source and externalId cannot change`,
      },
    ]);
    const elsewhere = await request(pipeline, 'ingest', 'PUT', `/v1/articles/${id}`, { ...example, source: 'afp', externalId });
    expect(elsewhere.body.errors[0].reason).toMatch(new RegExp(`belongs to article ${other}`));
  });

  it('reports killed after a kill, and rejected with the reason when an update follows', async () => {
    await eventually('the killed status', async () => {
      const status = await request(pipeline, 'ingest', 'GET', `/v1/articles/${id}/status`);
      return status.body.status === 'killed' ? status.body : undefined;
    });
    const update = await request(pipeline, 'ingest', 'PUT', `/v1/articles/${id}`, { ...example, headline: 'Après le retrait' });
    expect(update.status).toBe(202);
    const rejected = await eventually('the rejected status', async () => {
      const status = await request(pipeline, 'ingest', 'GET', `/v1/articles/${id}/status`);
      return status.body.status === 'rejected' ? status.body : undefined;
    });
    expect(rejected.reason).toMatch(new RegExp(`article ${id} was killed; update refused`));
  }, 30_000);
});
