import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { subjectsFor, type ArticlePublishedV1 } from '#contracts';
import * as tail from '../apps/cli/src/commands/tail.command.js';
import { runCommand } from './harness/cli.js';
import { request } from './harness/http.js';
import { TestPipeline } from './harness/pipeline.js';
import { collect, eventually, type Collected } from './harness/subscriptions.js';

describe('consumers: depeche tail', () => {
  let pipeline: TestPipeline;
  let published: Collected<ArticlePublishedV1>;
  let env: NodeJS.ProcessEnv;
  let before: string;
  let mark: string;
  const ids: Record<string, string> = {};

  const publish = async (name: string, body: Record<string, string>) => {
    ids[name] = (await request(pipeline, 'ingest', 'POST', '/v1/articles', body)).body.id;
    await eventually(`${name} published`, () => published.events.some((e) => e.data.article.id === ids[name]));
  };

  beforeAll(async () => {
    pipeline = await TestPipeline.start();
    env = { NATS_URL: pipeline.env.NATS_URL, NATS_NAMESPACE: pipeline.ns.namespace };
    published = collect(pipeline.ns.nc, subjectsFor(pipeline.ns.namespace).lifecycle.published);
    before = new Date().toISOString();
    await publish('old', { headline: 'Ancienne dépêche', body: 'Avant le repère.', language: 'fr', section: 'Politique' });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    mark = new Date().toISOString();
    await publish('newFr', { headline: 'Nouvelle dépêche', body: 'Après le repère.', language: 'fr', section: 'Politique' });
    await publish('newEn', { headline: 'Fresh dispatch', body: 'After the mark.', language: 'en', section: 'Politics' });
  }, 60_000);

  afterAll(async () => {
    published?.stop();
    await pipeline?.close();
  }, 60_000);

  it('replays from a time, filtered by subject, in order', async () => {
    const { code, lines } = await runCommand(tail, ['--since', mark, '--subject', subjectsFor(pipeline.ns.namespace).routedFilter('fr'), '--count', '1'], env);
    expect(code).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(subjectsFor(pipeline.ns.namespace).routed('published', 'fr', 'Politique'));
    expect(lines[0]).toContain(ids.newFr);
    expect(lines[0]).toContain('Nouvelle dépêche');
  }, 20_000);

  it('defaults to every routed lifecycle event of the namespace, and prints envelopes with --json', async () => {
    const { lines } = await runCommand(tail, ['--since', before, '--count', '3', '--json'], env);
    const events = lines.map((line) => JSON.parse(line) as { subject: string; type: string; data: ArticlePublishedV1 });
    expect(events.map((e) => e.data.article.id)).toEqual([ids.old, ids.newFr, ids.newEn]);
    expect(
      events.every(
        (e) =>
          e.subject === subjectsFor(pipeline.ns.namespace).routed('published', e.data.article.language, e.data.article.section) &&
          e.type === 'news.article.published',
      ),
    ).toBe(true);
  }, 20_000);

  it('reads a relative --since ("1h" covers everything here)', async () => {
    const { lines } = await runCommand(tail, ['--since', '1h', '--count', '3'], env);
    expect(lines.map((line) => Object.values(ids).find((id) => line.includes(id)))).toEqual([ids.old, ids.newFr, ids.newEn]);
  }, 20_000);

  it('follows new events as they come, until stopped', async () => {
    const stop = new AbortController();
    const running = runCommand(tail, ['--subject', subjectsFor(pipeline.ns.namespace).routedFilter('en')], env, stop.signal);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await publish('live', { headline: 'Live wire', body: 'Happening now.', language: 'en', section: 'World' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    stop.abort();
    const { code, lines } = await running;
    expect(code).toBe(0);
    // Only what came after it started: no replay without --since.
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(ids.live);
  }, 20_000);

  it('refuses a --since it cannot read', async () => {
    const { code, output } = await runCommand(tail, ['--since', 'last tuesday'], env);
    expect(code).toBe(2);
    expect(output).toMatch(/--since: expected a duration/);
  });
});
