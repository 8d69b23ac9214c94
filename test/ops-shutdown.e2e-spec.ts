import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jetstreamManager } from '@nats-io/jetstream';
import { randomBytes } from 'node:crypto';
import { streamNames, subjectsFor, SERVICES, type ServiceName } from '#contracts';
import { START_ORDER } from './harness/services.js';
import { ServiceProcess } from './harness/processes.js';
import { assertBuilt, freePort } from './harness/services.js';
import { createTestNamespace, NATS_URL, type TestNamespace } from './harness/namespace.js';
import { exampleAsEditorArticle } from './harness/fixtures.js';
import { collect, eventually, type Collected } from './harness/subscriptions.js';

const ARTICLES = 200;
const RATE_PER_SECOND = 100;
/** docker-compose.yml's stop_grace_period is 30 s; a drain should need a small part of it. */
const GRACE_MS = 10_000;

/**
 * SIGTERM in the middle of a stream of articles: the consumers stop pulling,
 * finish and ack what they hold, and exit 0. Restarted, they carry on, and no
 * message was delivered twice: JetStream's delivery count of each consumer
 * equals the number of messages, and each derived event was emitted once.
 */
describe('operations: SIGTERM drains without redelivery', () => {
  const apiKey = randomBytes(16).toString('hex');
  const services = {} as Record<ServiceName, ServiceProcess>;
  const ports = {} as Record<ServiceName, number>;
  let ns: TestNamespace;
  let env: NodeJS.ProcessEnv;
  let enriched: Collected;
  let published: Collected<{ article: { id: string } }>;

  /** The processes stopped mid-stream, kept for their logs. */
  const retired: ServiceProcess[] = [];
  const start = async (name: ServiceName) => {
    if (services[name]) retired.push(services[name]);
    services[name] = await ServiceProcess.start(name, ports[name], env);
  };

  beforeAll(async () => {
    assertBuilt();
    ns = await createTestNamespace();
    env = { NATS_URL, NATS_NAMESPACE: ns.namespace, DATABASE_URL: ns.databaseUrl, DEPECHE_API_KEYS: `ops-test:${apiKey}:submit`, LOG_LEVEL: 'debug' };
    for (const name of START_ORDER) {
      ports[name] = await freePort();
      await start(name);
    }
    const subjects = subjectsFor(ns.namespace);
    enriched = collect(ns.nc, subjects.enriched);
    published = collect(ns.nc, subjects.lifecycle.published);
  }, 180_000);

  afterAll(async () => {
    enriched?.stop();
    published?.stop();
    for (const service of Object.values(services)) service.kill();
    await ns?.dispose();
  }, 60_000);

  it('stops enrichment and publishing mid-stream with exit code 0, and nothing is delivered twice', async () => {
    const posting = postArticles(services.ingest, apiKey);
    await eventually('the first articles published', () => published.events.length >= 40);
    const stopped = await Promise.all([services.enrichment.stop(), services.publishing.stop()]);
    for (const { code, signal, ms } of stopped) expect({ code, signal, withinGrace: ms < GRACE_MS }).toEqual({ code: 0, signal: null, withinGrace: true });
    expect(published.events.length).toBeLessThan(ARTICLES);
    for (const name of ['enrichment', 'publishing'] as const)
      expect(services[name].logs.some((l) => String(l.msg).startsWith(`${name} stopped cleanly in`))).toBe(true);

    await Promise.all([start('publishing'), start('enrichment')]);
    const ids = await posting;
    await eventually('every article published', () => ids.every((id) => published.events.some((e) => e.data.article.id === id)), 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // room for a stray duplicate to show

    expect(published.events).toHaveLength(ARTICLES);
    expect(new Set(published.events.map((e) => e.data.article.id)).size).toBe(ARTICLES);
    expect(enriched.events).toHaveLength(ARTICLES);
    const jsm = await jetstreamManager(ns.nc);
    const names = streamNames(ns.namespace);
    for (const durable of ['enrichment', 'publishing']) {
      const info = await jsm.consumers.info(names.events, durable);
      expect({
        durable,
        deliveries: info.delivered.consumer_seq,
        acked: info.ack_floor.consumer_seq,
        pending: info.num_pending,
        unacked: info.num_ack_pending,
        redelivered: info.num_redelivered,
      }).toEqual({ durable, deliveries: ARTICLES, acked: ARTICLES, pending: 0, unacked: 0, redelivered: 0 });
    }
    expect((await jsm.streams.info(names.deadLetters)).state.messages).toBe(0);
    // The debug line of every message handled, before and after the restart, says delivery 1.
    const handled = [...retired, ...Object.values(services)].flatMap((s) => s.logs.filter((l) => l.msg === 'message handled'));
    expect(handled).toHaveLength(2 * ARTICLES);
    expect(handled.filter((l) => l.deliveryCount !== 1 || l.outcome !== 'ack')).toEqual([]);
  }, 180_000);

  it('stops every service cleanly within its grace period', async () => {
    for (const name of SERVICES) {
      const { code, signal, ms } = await services[name].stop();
      expect({ name, code, signal, withinGrace: ms < GRACE_MS }).toEqual({ name, code: 0, signal: null, withinGrace: true });
    }
  }, 60_000);
});

/** Posts ARTICLES distinct articles open-loop at RATE_PER_SECOND; resolves to their ids. */
async function postArticles(ingest: ServiceProcess, apiKey: string): Promise<string[]> {
  const example = exampleAsEditorArticle();
  const started = Date.now();
  const posts: Array<Promise<string>> = [];
  for (let i = 0; i < ARTICLES; i++) {
    const wait = started + (i * 1000) / RATE_PER_SECOND - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    posts.push(
      fetch(ingest.url('/v1/articles'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
        body: JSON.stringify({ ...example, headline: `${example.headline} (${i})` }),
      }).then(async (response) => {
        if (response.status !== 202) throw new Error(`POST answered ${response.status}: ${await response.text()}`);
        return ((await response.json()) as { id: string }).id;
      }),
    );
  }
  return Promise.all(posts);
}
