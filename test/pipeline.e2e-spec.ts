import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jetstream } from '@nats-io/jetstream';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { subjectsFor, type ArticlePublishedV1, type DeadLetterV1 } from '#contracts';
import { TestPipeline } from './harness/pipeline.js';
import { exampleAsEditorArticle } from './harness/fixtures.js';
import { collect, eventually, type Collected } from './harness/subscriptions.js';

describe('pipeline: editor article to published event', () => {
  let pipeline: TestPipeline;
  let published: Collected<ArticlePublishedV1>;
  let routed: Collected<ArticlePublishedV1>;
  let db: pg.Client;

  beforeAll(async () => {
    pipeline = await TestPipeline.start();
    const subjects = subjectsFor(pipeline.ns.namespace);
    published = collect(pipeline.ns.nc, subjects.lifecycle.published);
    routed = collect(pipeline.ns.nc, subjects.routedFilter('fr'));
    db = new pg.Client({ connectionString: pipeline.ns.databaseUrl });
    await db.connect();
  }, 60_000);

  afterAll(async () => {
    published?.stop();
    routed?.stop();
    await db?.end();
    await pipeline?.close();
  }, 60_000);

  const publishedIds = () => published.events.map((e) => e.data.article.id);

  it('publishes the example article: a row in Postgres and a published event with the same id, in French', async () => {
    const receipt = await pipeline.post('/v1/articles', exampleAsEditorArticle());
    expect(receipt.status).toBe(202);
    expect(receipt.body).toMatchObject({ status: 'received', statusUrl: `/v1/articles/${receipt.body.id}/status` });
    const id: string = receipt.body.id;

    const event = await eventually('the published event', () => published.events.find((e) => e.data.article.id === id));
    expect(event.data.article.language).toBe('fr');
    expect(event.data.article.headline).toMatch(/^Le groupe Nordelec lève/);
    expect(event.data.revision).toBe(1);
    expect(event.correlationId).toBe(receipt.body.correlationId);

    const article = event.data.article;
    expect(article.organisations.map((o) => o.name)).toEqual(expect.arrayContaining(['Renault', 'Stellantis', 'CFDT']));
    expect(article.people.map((p) => p.name)).toEqual(expect.arrayContaining(['Claire Vasseur', 'Paul Meunier']));
    expect(article.amounts?.map((a) => [a.value, a.currency])).toEqual(
      expect.arrayContaining([
        [2e9, 'EUR'],
        [6e8, 'EUR'],
      ]),
    );
    expect(article.subjects[0]).toMatchObject({ code: 'medtop:04000000', provenance: { source: 'enrichment' } });
    expect(article.keywords.length).toBeGreaterThanOrEqual(5);
    const entities = [...article.people, ...article.organisations, ...article.places];
    for (const mention of entities.flatMap((e) => e.mentions)) {
      expect((mention.field === 'headline' ? article.headline : article.bodyText).slice(mention.start, mention.end)).toBe(mention.text);
    }
    // Every automatic entity says which model tagged it and how sure it is, in the event and in the store.
    for (const entity of entities) {
      expect(entity.provenance).toMatchObject({
        source: 'enrichment',
        by: expect.stringMatching(/^nlp@[^+]+\+ner\.[0-9a-f]{12}$/),
        confidence: expect.any(Number),
      });
    }
    expect(article.facts?.tagger).toBe(entities[0]!.provenance.by);

    const { rows } = await db.query(
      'SELECT id, language, section, status, document, pg_column_compression(document) AS compression FROM articles WHERE id = $1',
      [id],
    );
    expect(rows).toHaveLength(1);
    // lz4 where the server was built with it (Debian's, the image's); the embedded Postgres of a bare machine has pglz only.
    const { rows: lz4 } = await db.query(`SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)`);
    expect(rows[0]).toMatchObject({ id, language: 'fr', section: 'Économie', status: 'published', compression: lz4.length ? 'lz4' : 'pglz' });
    expect(rows[0].document.facts.wordCount).toBeGreaterThan(180);
    expect(rows[0].document.organisations.map((o: { name: string }) => o.name)).toEqual(expect.arrayContaining(['Renault', 'Stellantis', 'CFDT']));
    expect(rows[0].document.organisations).toEqual(article.organisations); // with their confidence, tagger version and mentions

    const copy = await eventually('the routed copy', () => routed.events.find((e) => e.data.article.id === id));
    expect(copy.subject).toBe(subjectsFor(pipeline.ns.namespace).routed('published', 'fr', 'economie'));
    expect(copy.id).toBe(event.id);

    const status = await eventually('published status', async () => {
      const s = await pipeline.get('ingest', `/v1/articles/${id}/status`);
      return s.body.status === 'published' ? s.body : undefined;
    });
    expect(status.articleId).toBe(id);

    const read = await pipeline.get('publishing', `/v1/articles/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      uri: `urn:depeche:article:${id}`,
      language: 'fr',
      version: '1',
      altIds: expect.arrayContaining([{ role: 'depeche', value: id }]),
    });
  }, 30_000);

  it('treats the same source + externalId sent twice as one article', async () => {
    const article = { ...exampleAsEditorArticle(), source: 'agence-test', externalId: `ext-${randomUUID()}` };
    const first = await pipeline.post('/v1/articles', article);
    const second = await pipeline.post('/v1/articles', article);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.status).toBe('duplicate');
    await eventually('the article published', () => publishedIds().includes(first.body.id));
    const { rows } = await db.query('SELECT count(*)::int AS n FROM articles WHERE external_id = $1', [article.externalId]);
    expect(rows[0].n).toBe(1);
    // Give a wrongly emitted second event time to arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(publishedIds().filter((id) => id === first.body.id)).toHaveLength(1);
  }, 30_000);

  it('treats a retry with the same Idempotency-Key as the same article, and refuses the key for other content', async () => {
    const key = `retry-${randomUUID()}`;
    const article = { headline: `Réessai ${key}`, body: 'Le même texte, envoyé deux fois.' };
    const first = await pipeline.post('/v1/articles', article, { 'idempotency-key': key });
    const again = await pipeline.post('/v1/articles', article, { 'idempotency-key': `"${key}"` });
    expect(first.status).toBe(202);
    expect(again.body).toMatchObject({ id: first.body.id, status: 'duplicate' });

    const other = await pipeline.post('/v1/articles', { ...article, body: 'Un autre texte.' }, { 'idempotency-key': key });
    expect(other.status).toBe(422);
    expect(other.contentType).toMatch(/^application\/problem\+json/);
    expect(other.body.title).toBe('Idempotency-Key reused');

    const fresh = await pipeline.post('/v1/articles', article, { 'idempotency-key': `${key}-2` });
    expect(fresh.body.id).not.toBe(first.body.id);
    const bad = await pipeline.post('/v1/articles', article, { 'idempotency-key': 'deux mots' });
    expect(bad.body.errors).toEqual([{ field: 'Idempotency-Key', reason: 'must be 1 to 255 visible ASCII characters' }]);

    await eventually('both articles published', () => [first.body.id, fresh.body.id].every((id) => publishedIds().includes(id)) || undefined);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(publishedIds().filter((id) => id === first.body.id)).toHaveLength(1);
  }, 30_000);

  it('answers 400 problem+json naming each bad field', async () => {
    const response = await pipeline.post('/v1/articles', { headline: '', body: 42, language: 'French', colour: 'red' });
    expect(response.status).toBe(400);
    expect(response.contentType).toMatch(/^application\/problem\+json/);
    expect(response.body.title).toBe('Invalid request');
    const fields = Object.fromEntries(response.body.errors.map((e: { field: string; reason: string }) => [e.field, e.reason]));
    expect(fields).toMatchObject({
      headline: expect.stringMatching(/fewer than 1 characters/),
      body: 'must be string',
      language: expect.stringMatching(/must match pattern/),
      '': 'has a property "colour" that is not allowed',
    });
  });

  it('answers 400 problem+json to a body that is not JSON', async () => {
    const response = await pipeline.post('/v1/articles', '{"headline": ');
    expect(response.status).toBe(400);
    expect(response.contentType).toMatch(/^application\/problem\+json/);
    expect(response.body.detail).toMatch(/JSON/i);
  });

  it('dead-letters an invalid event with its subject, payload, error and delivery count', async () => {
    const subjects = subjectsFor(pipeline.ns.namespace);
    const letters = collect<DeadLetterV1>(pipeline.ns.nc, subjects.deadLetter('enrichment'));
    const bogus = JSON.stringify({
      id: randomUUID(),
      type: 'news.article.ingested',
      version: 1,
      occurredAt: 'now',
      correlationId: 'x',
      producer: 'test',
      data: { action: 'submit' },
    });
    await jetstream(pipeline.ns.nc).publish(subjects.ingested, bogus);
    const letter = await eventually('the dead letter', () => letters.events[0]);
    letters.stop();
    expect(letter.data).toMatchObject({ service: 'enrichment', subject: subjects.ingested, payload: bogus, reason: 'invalid', deliveryCount: 1 });
    expect(letter.data.error).toMatch(/data\/article is required/);
  }, 30_000);

  it('loses and doubles nothing when publishing stops and restarts mid-stream', async () => {
    const before = new Set(publishedIds());
    const ids: string[] = [];
    const submit = async (n: number) => {
      for (let i = 0; i < n; i++) ids.push((await pipeline.post('/v1/articles', { headline: `Dépêche ${i}`, body: `Texte numéro ${i} de la série.` })).body.id);
    };
    await submit(20);
    await pipeline.stopService('publishing');
    await submit(20);
    await pipeline.startService('publishing');
    await submit(10);

    await eventually('all 50 articles published', () => ids.every((id) => publishedIds().includes(id)), 30_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const fresh = published.events.filter((e) => !before.has(e.data.article.id));
    expect(new Set(fresh.map((e) => e.id)).size).toBe(fresh.length);
    expect(fresh).toHaveLength(50);
    const { rows } = await db.query('SELECT count(*)::int AS n FROM articles WHERE id = ANY($1::uuid[])', [ids]);
    expect(rows[0].n).toBe(50);
  }, 60_000);
});
