import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { CanonicalArticle } from '#contracts';
import { ArticleReadRepository, type ArticleFilter } from '../apps/publishing/src/repositories/article-read.repository.js';
import { planOf } from './harness/explain.js';
import { request } from './harness/http.js';
import { TestPipeline } from './harness/pipeline.js';
import { exampleAsEditorArticle } from './harness/fixtures.js';
import { eventually } from './harness/subscriptions.js';

const ids = (body: { items: Array<{ id: string }> }) => body.items.map((i) => i.id);

describe('store: search, filters and pagination', () => {
  let pipeline: TestPipeline;
  let db: pg.Client;
  const article: Record<string, string> = {};

  const submit = async (name: string, body: Record<string, string>) => {
    const receipt = await request(pipeline, 'ingest', 'POST', '/v1/articles', body);
    article[name] = receipt.body.id;
  };
  const list = async (query: string) => {
    const response = await request(pipeline, 'publishing', 'GET', `/v1/articles?${query}`);
    expect(response.status).toBe(200);
    return response.body;
  };
  const documentOf = async (id: string): Promise<CanonicalArticle> => (await db.query('SELECT document FROM articles WHERE id = $1', [id])).rows[0].document;

  beforeAll(async () => {
    pipeline = await TestPipeline.start();
    db = new pg.Client({ connectionString: pipeline.ns.databaseUrl });
    await db.connect();
    await submit('example', exampleAsEditorArticle());
    await submit('economieFr', {
      headline: 'L’Économie française résiste',
      body: 'Les économistes saluent une croissance solide au troisième trimestre.',
      section: 'Économie',
      language: 'fr',
    });
    await submit('bodyOnlyFr', {
      headline: 'Le marché du travail',
      body: 'Le chômage baisse, signe d’une économie qui tient.',
      section: 'Économie',
      language: 'fr',
    });
    await submit('sectionOnlyFr', {
      headline: 'Les taux remontent',
      body: 'La Banque centrale relève ses taux directeurs.',
      section: 'Économie',
      language: 'fr',
    });
    await submit('sportFr', { headline: 'Le PSG remporte le derby', body: 'Victoire nette au Parc des Princes.', section: 'Sport', language: 'fr' });
    await submit('economyEn', {
      headline: 'Britain’s economy stalls',
      body: 'Output was flat in the third quarter, official figures showed.',
      section: 'Business',
      language: 'en',
    });
    await eventually('all six stored', async () => (await db.query(`SELECT count(*)::int AS n FROM articles WHERE status = 'published'`)).rows[0].n === 6);
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await pipeline?.close();
  }, 60_000);

  it('finds "Économie" in French copy when searched without accents, headline matches first', async () => {
    const found = await list('q=economie&language=fr');
    expect(ids(found).slice(0, 2)).toEqual([article.economieFr, article.bodyOnlyFr]);
    expect(ids(found)).not.toContain(article.sportFr);
    expect(found.items[0].score).toBeGreaterThan(found.items[1].score);
    // With the accent and capitals it is the same search.
    expect(ids(await list('q=%C3%89CONOMIE&language=fr')).slice(0, 2)).toEqual([article.economieFr, article.bodyOnlyFr]);
  });

  it('finds an article by its section alone, ranked below those whose text says it too', async () => {
    const found = ids(await list('q=economie&language=fr'));
    expect(found).toContain(article.sectionOnlyFr);
    expect(found.indexOf(article.sectionOnlyFr)).toBeGreaterThan(found.indexOf(article.bodyOnlyFr));
  });

  it("stems in each article's own language", async () => {
    expect(ids(await list('q=economies&language=en'))).toEqual([article.economyEn]);
    expect(ids(await list('q=derby'))).toEqual([article.sportFr]);
    expect(ids(await list('q=cricket'))).toEqual([]);
  });

  it('filters by section and language', async () => {
    expect(new Set(ids(await list('section=economie')))).toEqual(new Set([article.example, article.economieFr, article.bodyOnlyFr, article.sectionOnlyFr]));
    expect(new Set(ids(await list('section=%C3%89conomie&language=fr')))).toEqual(
      new Set([article.example, article.economieFr, article.bodyOnlyFr, article.sectionOnlyFr]),
    );
    expect(ids(await list('language=en'))).toEqual([article.economyEn]);
  });

  it('filters by Media Topic code, with or without its scheme', async () => {
    const example = await documentOf(article.example!);
    const topic = example.subjects.find((s) => s.code.startsWith('medtop:'))!;
    expect(topic).toBeDefined();
    const byTopic = ids(await list(`topic=${encodeURIComponent(topic.code)}`));
    expect(byTopic).toContain(article.example);
    expect(ids(await list(`topic=${topic.code.slice('medtop:'.length)}`))).toEqual(byTopic);
    for (const id of byTopic) expect((await documentOf(id)).subjects.map((s) => s.code)).toContain(topic.code);
    expect(ids(await list('topic=medtop:99999999'))).toEqual([]);
  });

  it('filters by entity identifier or name, accents and case ignored', async () => {
    const example = await documentOf(article.example!);
    const entity = [...example.organisations, ...example.people, ...example.places][0]!;
    expect(entity).toBeDefined();
    expect(ids(await list(`entity=${encodeURIComponent(entity.id)}`))).toContain(article.example);
    const shouted = entity.name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toUpperCase();
    expect(ids(await list(`entity=${encodeURIComponent(shouted)}`))).toContain(article.example);
    expect(ids(await list('entity=Nobody%20At%20All'))).toEqual([]);
  });

  it('pages with a cursor, newest first, with no overlap; and filters by time', async () => {
    const first = await list('limit=2');
    expect(first.items).toHaveLength(2);
    const second = await list(`limit=2&cursor=${first.next}`);
    const third = await list(`limit=2&cursor=${second.next}`);
    expect(third.next).toBeUndefined();
    const all = [...first.items, ...second.items, ...third.items];
    expect(new Set(all.map((i) => i.id)).size).toBe(6);
    const times = all.map((i) => i.publishedAt as string);
    expect([...times].sort().reverse()).toEqual(times);
    // Stories published in one batch may share a millisecond: since is inclusive, until exclusive.
    const boundary = times[1]!;
    expect(ids(await list(`since=${encodeURIComponent(boundary)}`))).toEqual(ids({ items: all.filter((i) => i.publishedAt >= boundary) }));
    expect(ids(await list(`until=${encodeURIComponent(boundary)}`))).toEqual(ids({ items: all.filter((i) => i.publishedAt < boundary) }));
    // Ranked pages are cut on (score, publishedAt, id): one by one they give the whole ranked list, in order.
    const whole = await list('q=economie');
    expect(whole.items.length).toBeGreaterThanOrEqual(2);
    const paged: any[] = [];
    for (let page = await list('q=economie&limit=1'); ; page = await list(`q=economie&limit=1&cursor=${page.next}`)) {
      paged.push(...page.items);
      if (!page.next) break;
    }
    expect(ids({ items: paged })).toEqual(ids(whole));
    expect((await request(pipeline, 'publishing', 'GET', `/v1/articles?cursor=${first.next}&q=economie`)).body.errors).toEqual([
      { field: 'cursor', reason: 'belongs to a listing without q' },
    ]);

    // A story that outranks the first page arrives meanwhile: the next page neither repeats nor skips.
    const top = await list('q=economie&limit=1');
    await db.query(`INSERT INTO articles (id, source, revision, status, language, section, section_key, headline, document, published_at, updated_at, search_config, search)
      VALUES (gen_random_uuid(), 'test', 1, 'published', 'fr', 'Économie', 'economie', 'Économie', '{}', now(), now(), 'depeche_fr',
              setweight(to_tsvector('depeche_fr', 'économie économie économie économie économie'), 'A'))`);
    const next = await list(`q=economie&limit=1&cursor=${top.next}`);
    expect(next.items[0].id).toBe(whole.items[1].id);
    expect((await list('q=economie&limit=1')).items[0].headline).toBe('Économie'); // it does outrank them
  });

  it('answers 400 naming each bad parameter', async () => {
    const response = await request(pipeline, 'publishing', 'GET', '/v1/articles?limit=500&since=yesterday&colour=red');
    expect(response.status).toBe(400);
    expect(response.contentType).toMatch(/^application\/problem\+json/);
    // An unknown parameter is named in the reason (a plain identifier), never as a field: fields are paths of the contract.
    expect(response.body.errors.map((e: { field: string; reason: string }) => [e.field, e.reason.includes('"colour"')]).sort()).toEqual([
      ['', true],
      ['since', false],
    ]);
    expect((await request(pipeline, 'publishing', 'GET', '/v1/articles?limit=500')).body.errors).toEqual([
      { field: 'limit', reason: 'must be an integer from 1 to 100' },
    ]);
    expect((await request(pipeline, 'publishing', 'GET', '/v1/articles?cursor=bm9wZQ')).status).toBe(400);
  });

  describe('at scale', () => {
    const ROWS = 30_000;
    const plan = (filter: ArticleFilter) => {
      const { sql, params } = pipeline.apps.publishing!.get(ArticleReadRepository).listQuery({ filter, limit: 21 });
      return planOf(db, sql, params);
    };

    beforeAll(async () => {
      // Synthetic archive: 30 sections, 3 languages, 200 topics, 1000 organisations.
      await db.query(`
        INSERT INTO articles (id, source, revision, status, language, section, section_key, headline, document, published_at, updated_at, search_config, search)
        SELECT gen_random_uuid(), 'bulk', 1, 'published', (ARRAY['fr','en','de'])[1 + i % 3], 'Section ' || (i % 30), 'section-' || (i % 30),
               'Dépêche ' || i, '{}'::jsonb, now() - make_interval(secs => i), now(),
               depeche_search_config((ARRAY['fr','en','de'])[1 + i % 3]),
               to_tsvector(depeche_search_config((ARRAY['fr','en','de'])[1 + i % 3])::regconfig, 'dépêche numéro ' || i || ' marché ' || md5(i::text))
        FROM generate_series(1, ${ROWS}) AS i`);
      await db.query(`
        INSERT INTO article_tags (article_id, kind, code, name_key, published_at)
        SELECT id, 'subject', 'medtop:' || lpad((abs(hashtext(id::text)) % 200)::text, 8, '0'), NULL, published_at FROM articles WHERE source = 'bulk'
        UNION ALL
        SELECT id, 'organisation', 'org:' || (abs(hashtext(id::text)) % 1000), 'organisation ' || (abs(hashtext(id::text)) % 1000), published_at FROM articles WHERE source = 'bulk'`);
      // VACUUM, as autovacuum would: it also moves the GIN index's pending list into the index proper.
      await db.query('VACUUM ANALYZE articles');
      await db.query('VACUUM ANALYZE article_tags');
    }, 60_000);

    it('lists newest first from the listing index, not a scan of the table', async () => {
      const nodes = await plan({});
      expect(nodes.join(' | ')).toMatch(/Index Scan (Backward )?using articles_listing on articles/);
      expect(nodes.join(' | ')).not.toMatch(/Seq Scan/);
    });

    it('filters a section and a language from their own indexes', async () => {
      expect((await plan({ sectionKey: 'section-7' })).join(' | ')).toMatch(/using articles_section_listing/);
      expect((await plan({ language: 'en' })).join(' | ')).toMatch(/using articles_(language_)?listing/);
      for (const filter of [{ sectionKey: 'section-7' }, { language: 'en' }]) expect((await plan(filter)).join(' | ')).not.toMatch(/Seq Scan/);
    });

    it('searches through the GIN index', async () => {
      const nodes = (await plan({ q: 'numero 12345' })).join(' | ');
      expect(nodes).toMatch(/Bitmap Index Scan using articles_search/);
      expect(nodes).not.toMatch(/Seq Scan/);
      const found = await list('q=numero%2012345');
      expect(found.items.map((i: { headline: string }) => i.headline)).toEqual(['Dépêche 12345']);
    });

    it('filters by topic and entity through the tag indexes', async () => {
      const topic = (await plan({ topic: 'medtop:00000042' })).join(' | ');
      expect(topic).toMatch(/using article_tags_code/);
      expect(topic).not.toMatch(/Seq Scan/);
      const entity = (await plan({ entity: { code: 'org:7', nameKey: 'organisation 7' } })).join(' | ');
      expect(entity).toMatch(/using article_tags_(code|name)/);
      expect(entity).not.toMatch(/Seq Scan/);
    });
  });
});
