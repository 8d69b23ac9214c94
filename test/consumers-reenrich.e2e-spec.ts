import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { subjectsFor, type ArticlePublishedV1, type CanonicalArticle } from '#contracts';
import * as reenrich from '../apps/cli/src/commands/reenrich.command.js';
import { runCommand } from './harness/cli.js';
import { request } from './harness/http.js';
import { TestPipeline } from './harness/pipeline.js';
import { exampleAsEditorArticle } from './harness/fixtures.js';
import { collect, eventually, type Collected } from './harness/subscriptions.js';

describe('consumers: depeche reenrich', () => {
  let pipeline: TestPipeline;
  let events: Collected<ArticlePublishedV1>;
  let db: pg.Client;
  let env: NodeJS.ProcessEnv;
  let stale: string;
  let fresh: string;

  const processed = async () => (await db.query('SELECT count(*)::int AS n FROM processed_events')).rows[0].n as number;
  const revisionsOf = async (id: string) =>
    (await db.query('SELECT revision, action, tagger FROM article_revisions WHERE article_id = $1 ORDER BY revision', [id])).rows;
  const updatedFor = (id: string) => events.events.filter((e) => e.type === 'news.article.updated' && e.data.article.id === id);
  const documentOf = async (id: string): Promise<CanonicalArticle> => (await db.query('SELECT document FROM articles WHERE id = $1', [id])).rows[0].document;

  beforeAll(async () => {
    pipeline = await TestPipeline.start();
    env = { NATS_URL: pipeline.env.NATS_URL, NATS_NAMESPACE: pipeline.ns.namespace, DATABASE_URL: pipeline.ns.databaseUrl };
    events = collect(pipeline.ns.nc, subjectsFor(pipeline.ns.namespace).articleEvents);
    db = new pg.Client({ connectionString: pipeline.ns.databaseUrl });
    await db.connect();
    stale = (await request(pipeline, 'ingest', 'POST', '/v1/articles', exampleAsEditorArticle())).body.id;
    fresh = (
      await request(pipeline, 'ingest', 'POST', '/v1/articles', {
        headline: 'Le Sénat adopte le budget',
        body: 'Le texte a été voté à Paris par 200 voix.',
        language: 'fr',
      })
    ).body.id;
    await eventually('both published', async () => (await db.query(`SELECT count(*)::int AS n FROM articles WHERE status = 'published'`)).rows[0].n === 2);
    // As an older tagger left it: no automatic topics, an older version, and one editor's topic that must survive.
    const old = await documentOf(stale);
    const editorTopic = { code: 'medtop:20000000', scheme: 'medtop', name: 'pinned by the desk', provenance: { source: 'editor' } };
    const document = { ...old, subjects: [editorTopic], facts: { ...old.facts, tagger: 'nlp@0.9.0' } };
    await db.query('UPDATE articles SET document = $2 WHERE id = $1', [stale, JSON.stringify(document)]);
  }, 60_000);

  afterAll(async () => {
    events?.stop();
    await db?.end();
    await pipeline?.close();
  }, 60_000);

  it('re-tags stored articles: a new revision and an updated event only where the tags changed', async () => {
    const before = await processed();
    const { code, output } = await runCommand(reenrich, ['--ids', `${stale},${fresh}`], env);
    expect(code).toBe(0);
    expect(output).toBe('2 article(s) sent for re-enrichment\n');
    await eventually('both re-enrichments applied', async () => (await processed()) === before + 2);

    const [updated] = await eventually('the updated event', () => (updatedFor(stale).length ? updatedFor(stale) : undefined));
    expect(updated!.data.revision).toBe(2);
    expect(updated!.data.article.facts?.tagger).toMatch(/^nlp@1\./);
    const codes = updated!.data.article.subjects.map((s) => s.code);
    expect(codes[0]).toBe('medtop:20000000');
    expect(codes.length).toBeGreaterThan(1);
    expect(await revisionsOf(stale)).toEqual([
      { revision: 1, action: 'submit', tagger: expect.stringMatching(/^nlp@1\./) },
      { revision: 2, action: 'reenrich', tagger: updated!.data.article.facts!.tagger },
    ]);
    const read = await request(pipeline, 'publishing', 'GET', `/v1/articles/${stale}`);
    expect(read.body.version).toBe('2');
    // The filter rows follow the new tags.
    const topic = codes.find((c) => c !== 'medtop:20000000')!;
    const listed = await request(pipeline, 'publishing', 'GET', `/v1/articles?topic=${encodeURIComponent(topic)}`);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(stale);

    // Same tagger, same text, same tags: nothing to say.
    expect(await revisionsOf(fresh)).toHaveLength(1);
    expect(updatedFor(fresh)).toEqual([]);
  }, 30_000);

  it('selects by time, and changes nothing when the tags are already current', async () => {
    const before = await processed();
    const { output } = await runCommand(reenrich, ['--since', '1h'], env);
    expect(output).toBe('2 article(s) sent for re-enrichment\n');
    await eventually('both re-enrichments applied', async () => (await processed()) === before + 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await revisionsOf(stale)).toHaveLength(2);
    expect(await revisionsOf(fresh)).toHaveLength(1);
    expect(updatedFor(stale)).toHaveLength(1);
  }, 30_000);

  it('asks for a selection rather than re-tagging the whole archive by accident', async () => {
    const { code, output } = await runCommand(reenrich, [], env);
    expect(code).toBe(2);
    expect(output).toMatch(/--since .*--ids .*--all/);
  });
});
