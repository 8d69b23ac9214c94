import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import pg from 'pg';
import { request } from './harness/http.js';
import { TestPipeline } from './harness/pipeline.js';
import { exampleAsEditorArticle } from './harness/fixtures.js';
import { eventually } from './harness/subscriptions.js';
import { atomErrors, jsonFeedErrors } from './harness/feed-validators.js';
import { ninjsErrors } from './harness/ninjs.js';

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

describe('store: Atom and JSON feeds, and the OpenAPI documents', () => {
  let pipeline: TestPipeline;
  let db: pg.Client;
  let exampleId: string;
  let trickyId: string;
  let topic: string;
  let trickyHeadline: string;
  const tricky = {
    headline: 'Fusion Alpha & "Beta" < Gamma : l’accord à 5 €',
    body: 'Texte avec <b>balises</b> & esperluettes.',
    section: 'Économie',
    language: 'fr',
  };
  /** Culture: with and without byline, plain text with a <word> that is not HTML, and "]]>" ending a CDATA section. */
  const culture = [
    {
      headline: 'Fin de section ]]> & <script>x</script> « Théâtre »',
      body: 'Le mot <line> reste.\n\nSecond paragraphe & suite.',
      byline: 'Ana Dupont',
      standfirst: 'a < b ]]> c',
      section: 'Culture',
      language: 'fr',
    },
    { headline: 'Expo : 3 < 4 & rien ne cloche', body: '<p>Corps <em>HTML</em></p><p>Deux</p>', section: 'Culture', language: 'fr' },
  ];
  const cultureIds: string[] = [];

  beforeAll(async () => {
    pipeline = await TestPipeline.start({ PUBLIC_BASE_URL: 'https://news.example.com/' });
    db = new pg.Client({ connectionString: pipeline.ns.databaseUrl });
    await db.connect();
    exampleId = (await request(pipeline, 'ingest', 'POST', '/v1/articles', exampleAsEditorArticle())).body.id;
    // One after the other: the feed order (newest first) is then known.
    await eventually(
      'the example published',
      async () => (await db.query(`SELECT 1 FROM articles WHERE id = $1 AND status = 'published'`, [exampleId])).rowCount === 1,
    );
    trickyId = (await request(pipeline, 'ingest', 'POST', '/v1/articles', tricky)).body.id;
    await request(pipeline, 'ingest', 'POST', '/v1/articles', { headline: 'Match nul', body: 'Zéro à zéro.', section: 'Sport', language: 'fr' });
    for (const article of culture) cultureIds.push((await request(pipeline, 'ingest', 'POST', '/v1/articles', article)).body.id);
    await eventually('five published', async () => (await db.query(`SELECT count(*)::int AS n FROM articles WHERE status = 'published'`)).rows[0].n === 5);
    const { rows } = await db.query(`SELECT document FROM articles WHERE id = $1`, [exampleId]);
    trickyHeadline = (await db.query(`SELECT headline FROM articles WHERE id = $1`, [trickyId])).rows[0].headline;
    expect(trickyHeadline).toMatch(/& "Beta"/);
    topic = rows[0].document.subjects.find((s: { code: string }) => s.code.startsWith('medtop:')).code;
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await pipeline?.close();
  }, 60_000);

  it('serves a well-formed Atom 1.0 feed per section, escaped, newest first', async () => {
    const response = await request(pipeline, 'publishing', 'GET', '/v1/feeds/sections/economie.atom');
    expect(response.status).toBe(200);
    expect(response.contentType).toBe('application/atom+xml; charset=utf-8');
    expect(XMLValidator.validate(response.text)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(response.text).feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    // What RFC 4287 requires of a feed and of each entry.
    for (const field of ['id', 'title', 'updated']) expect(feed[field]).toBeTruthy();
    const entries = asArray(feed.entry) as Array<Record<string, any>>;
    expect(entries.map((e) => e.id)).toEqual([`urn:uuid:${trickyId}`, `urn:uuid:${exampleId}`]);
    for (const entry of entries) {
      for (const field of ['id', 'title', 'updated']) expect(entry[field]).toBeTruthy();
      // From PUBLIC_BASE_URL, not from the request's Host.
      expect(asArray(entry.link)[0]['@_href']).toMatch(/^https:\/\/news\.example\.com\/v1\/articles\/[0-9a-f-]{36}$/);
    }
    // type="text": the plain headline is the element's text, read back as written.
    expect(entries[0]!.title['@_type']).toBe('text');
    expect(entries[0]!.title['#text']).toBe(trickyHeadline);
    expect(await atomErrors(response.text)).toEqual([]);
  });

  it('holds to RFC 4287, JSON Feed 1.1 and ninjs 3.1 with and without byline, HTML and plain-text bodies, "]]>", "&" and "<" in titles', async () => {
    const atom = await request(pipeline, 'publishing', 'GET', '/v1/feeds/sections/culture.atom');
    expect(await atomErrors(atom.text)).toEqual([]);
    const entries = asArray(new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(atom.text).feed.entry) as Array<Record<string, any>>;
    const byId = new Map(entries.map((e) => [e.id, e]));
    const [withByline, withoutByline] = cultureIds.map((id) => byId.get(`urn:uuid:${id}`)!);
    expect(withByline!.title['#text']).toBe('Fin de section ]]> & « Théâtre »');
    expect(withByline!.author.name).toBe('Ana Dupont');
    expect(withByline!.summary).toEqual({ '#text': 'a < b ]]> c', '@_type': 'text' });
    expect(withoutByline!.author.name).toBe('Dépêche');
    expect(withoutByline!.title['#text']).toBe('Expo : 3 < 4 & rien ne cloche');

    const json = await request(pipeline, 'publishing', 'GET', '/v1/feeds/sections/culture.json');
    expect(jsonFeedErrors(json.body)).toEqual([]);
    const items = new Map(json.body.items.map((i: { id: string }) => [i.id, i]));
    expect(items.get(`urn:uuid:${cultureIds[0]}`)).toMatchObject({
      content_text: 'Le mot <line> reste.\nSecond paragraphe & suite.',
      content_html: '<p>Le mot &lt;line&gt; reste.</p>\n<p>Second paragraphe &amp; suite.</p>',
      authors: [{ name: 'Ana Dupont' }],
    });
    expect(items.get(`urn:uuid:${cultureIds[1]}`)).toMatchObject({ content_html: '<p>Corps <em>HTML</em></p>\n<p>Deux</p>', authors: [{ name: 'Dépêche' }] });

    for (const id of [...cultureIds, trickyId, exampleId])
      expect(ninjsErrors((await request(pipeline, 'publishing', 'GET', `/v1/articles/${id}`)).body)).toEqual([]);
  });

  it('serves a JSON Feed per section and an Atom and JSON feed per Media Topic', async () => {
    const json = await request(pipeline, 'publishing', 'GET', '/v1/feeds/sections/economie.json');
    expect(json.contentType).toBe('application/feed+json; charset=utf-8');
    expect(json.body.version).toBe('https://jsonfeed.org/version/1.1');
    expect(jsonFeedErrors(json.body)).toEqual([]);
    expect(json.body.title).toBeTruthy();
    expect(json.body.items.map((i: { id: string }) => i.id)).toEqual([`urn:uuid:${trickyId}`, `urn:uuid:${exampleId}`]);
    expect(json.body.items[0]).toMatchObject({
      title: trickyHeadline,
      url: expect.stringContaining(`/v1/articles/${trickyId}`),
      content_html: expect.stringContaining('&amp;'),
    });

    const byTopic = await request(pipeline, 'publishing', 'GET', `/v1/feeds/topics/${topic.slice('medtop:'.length)}.json`);
    expect(byTopic.body.items.map((i: { id: string }) => i.id)).toContain(`urn:uuid:${exampleId}`);
    const atom = await request(pipeline, 'publishing', 'GET', `/v1/feeds/topics/${encodeURIComponent(topic)}.atom`);
    expect(XMLValidator.validate(atom.text)).toBe(true);
    expect(await atomErrors(atom.text)).toEqual([]);
    expect(atom.text).toContain(`urn:uuid:${exampleId}`);
  });

  it('answers 404 to a feed name it cannot read', async () => {
    expect((await request(pipeline, 'publishing', 'GET', '/v1/feeds/sections/economie.rss')).status).toBe(404);
    expect((await request(pipeline, 'publishing', 'GET', '/v1/feeds/topics/sport.atom')).status).toBe(404);
  });

  it('documents every route of both HTTP services at /docs', async () => {
    const publishing = await request(pipeline, 'publishing', 'GET', '/docs/json');
    expect(publishing.status).toBe(200);
    expect(Object.keys(publishing.body.paths)).toEqual(
      expect.arrayContaining(['/v1/articles', '/v1/articles/{id}', '/v1/articles/{id}/revisions', '/v1/feeds/sections/{file}', '/v1/feeds/topics/{file}']),
    );
    const listParameters = publishing.body.paths['/v1/articles'].get.parameters.map((p: { name: string }) => p.name);
    expect(listParameters).toEqual(expect.arrayContaining(['section', 'language', 'topic', 'entity', 'since', 'until', 'q', 'limit', 'cursor']));

    const ingest = await request(pipeline, 'ingest', 'GET', '/docs/json');
    expect(ingest.status).toBe(200);
    const paths = ingest.body.paths;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(['/v1/articles', '/v1/articles/{id}', '/v1/articles/{id}/corrections', '/v1/articles/{id}/kill']),
    );
    const correction = paths['/v1/articles/{id}/corrections'].post.requestBody.content['application/json'].schema;
    expect(correction.required).toEqual(expect.arrayContaining(['headline', 'body', 'note']));
    expect(paths['/v1/articles'].post.requestBody.content['application/json'].schema.properties.embargo).toMatchObject({ format: 'date-time' });
    expect(ingest.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(paths['/v1/articles/{id}/kill'].post.security).toEqual([{ bearer: [] }]);

    const ui = await request(pipeline, 'publishing', 'GET', '/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toMatch(/swagger-ui/i);
  });
});
