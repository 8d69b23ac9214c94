import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { SERVICES, subjectsFor, type ArticlePublishedV1 } from '#contracts';
import { mutate, mutateEditorArticle, prng } from './harness/mutations.js';
import { TestPipeline } from './harness/pipeline.js';
import { FIXTURES } from './harness/fixtures.js';
import { eventually, type Collected } from './harness/subscriptions.js';

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const WIRE_CASES = 1000;
const ARTICLE_CASES = 300;
const VALID_ARTICLES = 40;
const CONTENT_TYPES = [
  'application/xml',
  'application/json',
  'text/plain',
  'application/rss+xml',
  'application/octet-stream',
  'text/html',
  'application/atom+xml; charset=koi8-r',
  '',
];

function fixtureDocuments(): Buffer[] {
  const folders = ['wire', 'articles', 'iptc-newsml-g2', 'iptc-ninjs/test_suite/3.0/should_pass'];
  return folders.flatMap((folder) => {
    const dir = path.join(FIXTURES, folder);
    return readdirSync(dir)
      .map((name) => path.join(dir, name))
      .filter((file) => statSync(file).isFile() && path.basename(file) !== 'LICENSE')
      .map((file) => readFileSync(file));
  });
}

async function inBatches<T>(count: number, width: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await task(i);
      }
    }),
  );
  return results;
}

describe(`fuzz: mutated documents (FUZZ_SEED=${SEED})`, () => {
  let pipeline: TestPipeline;
  let published: Collected<ArticlePublishedV1>;

  beforeAll(async () => {
    pipeline = await TestPipeline.start({ MAX_BODY_BYTES: String(1024 * 1024), RATE_LIMIT_PER_MINUTE: '100000' });
    published = pipeline.collect(subjectsFor(pipeline.ns.namespace).lifecycle.published);
  }, 60_000);

  afterAll(() => pipeline?.close(), 60_000);

  it('answers every mutated document with 2xx or 4xx, stays up, and still publishes valid articles sent meanwhile', async () => {
    const random = prng(SEED);
    const documents = fixtureDocuments();
    const pick = () => documents[Math.floor(random() * documents.length)]!;
    const wireCases = Array.from({ length: WIRE_CASES }, () => ({
      body: mutate(pick(), pick(), random),
      type: CONTENT_TYPES[Math.floor(random() * CONTENT_TYPES.length)]!,
    }));
    const articleCases = Array.from({ length: ARTICLE_CASES }, () => mutateEditorArticle(random));

    const validIds: string[] = [];
    const valid = inBatches(VALID_ARTICLES, 2, async (i) => {
      const receipt = await pipeline.post('/v1/articles', { headline: `Article valide ${i}`, body: `Texte valide numéro ${i}.`, language: 'fr' });
      validIds.push(receipt.body.id);
      return receipt.status;
    });
    const wireStatuses = inBatches(wireCases.length, 6, (i) =>
      pipeline
        .request('ingest', '/v1/wire', { method: 'POST', headers: wireCases[i]!.type ? { 'content-type': wireCases[i]!.type } : {}, body: wireCases[i]!.body })
        .then(async (r) => (await r.arrayBuffer(), r.status)),
    );
    const articleStatuses = inBatches(articleCases.length, 4, (i) => pipeline.post('/v1/articles', articleCases[i]!).then((r) => r.status));

    const statuses = [...(await wireStatuses), ...(await articleStatuses)];
    const histogram = statuses.reduce<Record<number, number>>((h, s) => ((h[s] = (h[s] ?? 0) + 1), h), {});
    console.log(`fuzz seed ${SEED}: ${statuses.length} mutated documents, answers ${JSON.stringify(histogram)}`);
    expect(statuses.filter((s) => s < 200 || s >= 500)).toEqual([]);
    expect(await valid).toEqual(new Array(VALID_ARTICLES).fill(202));

    for (const name of SERVICES) expect((await pipeline.get(name, '/health/ready')).status).toBe(200);
    await eventually(
      'every valid article published',
      () => validIds.every((id) => published.events.some((e) => e.data.article.id === id)) || undefined,
      60_000,
    );
  }, 180_000);
});
