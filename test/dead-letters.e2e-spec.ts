import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Events, subjectsFor, type ArticlePublishedV1, type CanonicalArticle, untagged } from '#contracts';
import { createEvent, EventPublisher } from '#messaging';
import { run } from '../apps/cli/src/commands/dead-letters.command.js';
import { TEST_API_KEY, TestPipeline } from './harness/pipeline.js';
import { collect, eventually, type Collected } from './harness/subscriptions.js';

describe('dead letters: list and redrive', () => {
  let pipeline: TestPipeline;
  let corrected: Collected<ArticlePublishedV1>;
  let publisher: EventPublisher;
  const articleId = randomUUID();

  const article = (headline: string): CanonicalArticle => ({
    id: articleId,
    source: 'desk',
    version: 1,
    headline,
    bodyHtml: '<p>Texte.</p>',
    bodyText: 'Texte.',
    language: 'fr',
    pubStatus: 'usable',
    versionCreated: new Date().toISOString(),
    ...untagged(),
  });
  const ingest = (action: 'submit' | 'correct', headline: string) =>
    publisher.publish(
      createEvent(
        Events.articleIngested.type,
        { action, article: article(headline), receivedAt: new Date().toISOString(), ...(action === 'correct' ? { correction: 'Le titre était faux.' } : {}) },
        { correlationId: `dl-${action}`, producer: 'test' },
      ),
    );
  const cli = async (...argv: string[]) => {
    let out = '';
    const code = await run([...argv, '--url', pipeline.url('ingest', '/')], { out: (t) => void (out += t), err: (t) => void (out += t), interactive: false });
    return { code, out };
  };

  beforeAll(async () => {
    pipeline = await TestPipeline.start();
    corrected = collect(pipeline.ns.nc, subjectsFor(pipeline.ns.namespace).lifecycle.corrected);
    publisher = new EventPublisher(pipeline.ns.nc, pipeline.ns.namespace);
    process.env.DEPECHE_API_KEY = TEST_API_KEY;
  }, 60_000);

  afterAll(async () => {
    delete process.env.DEPECHE_API_KEY;
    corrected?.stop();
    await pipeline?.close();
  }, 60_000);

  it('lists a correction that arrived before its story, and publishes it once redriven after the story', async () => {
    await ingest('correct', 'Titre corrigé');
    const listed = await eventually('the dead letter listed', async () => {
      const answer = await pipeline.get('ingest', '/v1/dead-letters');
      return answer.body.items?.find((d: { correlationId: string }) => d.correlationId === 'dl-correct');
    });
    expect(listed.letter).toMatchObject({ service: 'publishing', reason: 'invalid', deliveryCount: 1, subject: subjectsFor(pipeline.ns.namespace).enriched });
    expect(listed.letter.error).toMatch(/cannot correct an article that was never (stored|published)/);

    const table = await cli('list');
    expect(table.code).toBe(0);
    expect(table.out).toMatch(new RegExp(`\\n${listed.id}\\s+\\S+\\s+publishing\\s+invalid\\s+1\\s+`));

    await ingest('submit', 'Titre');
    await eventually('the story published', async () => (await pipeline.get('publishing', `/v1/articles/${articleId}`)).status === 200 || undefined);

    const redriven = await cli('redrive', String(listed.id));
    expect(redriven).toMatchObject({ code: 0, out: `${listed.id} redriven to ${listed.letter.subject}\n` });
    const event = await eventually('the corrected event', () => corrected.events.find((e) => e.data.article.id === articleId));
    expect(event.data.article.headline).toBe('Titre corrigé');
    expect((await pipeline.get('ingest', `/v1/dead-letters/${listed.id}`)).status).toBe(404);
  }, 30_000);

  it('dead-letters at once what the database refuses as data, instead of retrying it', async () => {
    const refused = { ...article('Titre\u0000nul'), id: randomUUID() };
    await publisher.publish(
      createEvent(
        Events.articleEnriched.type,
        { action: 'submit', article: refused, receivedAt: new Date().toISOString() },
        { correlationId: 'dl-nul', producer: 'test' },
      ),
    );
    const letter = await eventually('the dead letter', async () => {
      const answer = await pipeline.get('ingest', '/v1/dead-letters');
      return answer.body.items?.find((d: { correlationId: string }) => d.correlationId === 'dl-nul');
    });
    expect(letter.letter).toMatchObject({ service: 'publishing', reason: 'invalid', deliveryCount: 1 });
    expect(letter.letter.error).toMatch(/database refused the article/);
  }, 30_000);

  it('refuses the dead-letter API to keys without the admin scope', async () => {
    const response = await fetch(pipeline.url('ingest', '/v1/dead-letters'));
    expect(response.status).toBe(401);
    expect(await cli('redrive', '999999')).toMatchObject({ code: 1, out: expect.stringContaining('HTTP 404') });
  });
});
