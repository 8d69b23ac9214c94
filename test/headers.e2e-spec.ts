import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TestPipeline } from './harness/pipeline.js';
import { eventually, type Collected } from './harness/subscriptions.js';

const documented = readFileSync(path.join(import.meta.dirname, '../docs/headers.md'), 'utf8');
/** Header names written as code in the doc, compared case-insensitively as HTTP and NATS do. */
const documentedNames = new Set([...documented.matchAll(/`([A-Za-z][A-Za-z0-9-]*)`/g)].map((m) => m[1]!.toLowerCase()));

describe('every header a client or a consumer sees is documented in docs/headers.md', () => {
  let pipeline: TestPipeline;
  let events: Collected;
  const seen = new Map<string, string>();
  const note = (where: string, names: Iterable<string>) => {
    for (const name of names) if (!seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), where);
  };
  const noteResponse = async (where: string, response: Promise<Response>) => {
    const answer = await response;
    await answer.arrayBuffer();
    note(where, answer.headers.keys());
    return answer;
  };

  beforeAll(async () => {
    pipeline = await TestPipeline.start({ RATE_LIMIT_PER_MINUTE: '1000', UNAUTHENTICATED_RATE_LIMIT_PER_MINUTE: '3' });
    events = pipeline.collect(`${pipeline.ns.namespace}.>`);
  }, 60_000);

  afterAll(() => pipeline?.close(), 60_000);

  it('on events and on the answers of both HTTP services, refusals included', async () => {
    const receipt = await noteResponse(
      'POST /v1/articles',
      pipeline.request('ingest', '/v1/articles', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-correlation-id': 'headers-test' },
        body: JSON.stringify({ headline: 'Titre', body: 'Texte.', section: 'Culture' }),
      }),
    );
    const { id } = (await (
      await pipeline.request('ingest', `/v1/articles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ headline: 'Autre', body: 'Texte.' }),
      })
    ).json()) as { id: string };
    expect(receipt.status).toBe(202);
    const published = await eventually('the published events', () => {
      const found = events.events.filter((e) => e.type === 'news.article.published');
      return found.length >= 2 ? found : undefined;
    });
    for (const event of events.events) note(`event on ${event.subject}`, Object.keys(event.headers));
    expect(published.map((e) => e.headers['Depeche-Correlation-Id'])).toContain('headers-test');

    await noteResponse('GET /v1/articles/:id', pipeline.request('publishing', `/v1/articles/${id}`));
    await noteResponse('GET /v1/articles', pipeline.request('publishing', '/v1/articles'));
    await noteResponse('GET feed.atom', pipeline.request('publishing', '/v1/feeds/sections/culture.atom'));
    await noteResponse('GET feed.json', pipeline.request('publishing', '/v1/feeds/sections/culture.json'));
    await noteResponse('GET /health/ready', fetch(pipeline.url('publishing', '/health/ready')));
    await noteResponse('GET /metrics', fetch(pipeline.url('ingest', '/metrics')));
    await noteResponse('400', pipeline.request('ingest', '/v1/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }));
    await noteResponse('404', pipeline.request('publishing', '/v1/articles/00000000-0000-4000-8000-000000000000'));
    await noteResponse('401 without a body', fetch(pipeline.url('ingest', '/v1/feeds')));
    for (let i = 0; i < 4; i++)
      await noteResponse(
        '401/429 before the body',
        fetch(pipeline.url('ingest', '/v1/articles'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
      );

    expect(seen.get('retry-after')).toBe('401/429 before the body');
    const undocumented = [...seen].filter(([name]) => !documentedNames.has(name)).map(([name, where]) => `${name} (${where})`);
    expect(undocumented).toEqual([]);
  }, 60_000);
});
