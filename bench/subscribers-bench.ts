/**
 * `npm run bench:subscribers -- [--subscribers 100] [--rate 100] [--duration 10] [--profile]`: the pipeline from the
 * production build with the delivery service beside it, subscribers with different filters on one loopback
 * receiver. The same open-loop load runs twice: with no subscriber (the pipeline's p99 ingest → published
 * alone), then with them (that p99 again, and each delivery's latency from the published event's arrival here
 * to the delivery's arrival at the receiver, one clock). Every subscriber must get exactly the events its filter
 * takes, once each (retries share a webhook-id). Writes bench/results/subscribers.json. --profile runs the
 * services under `node --cpu-prof`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import pg from 'pg';
import { subjectsFor } from '#contracts';
import { articleMix } from './article-mix.js';
import { profileArgs } from './profile-args.js';
import { startPipeline } from './pipeline-topology.js';
import { writeResults } from './results-file.js';
import { cpuSeconds, cpuSecondsOfCommand } from './proc-stats.js';
import { openLoop } from './sender.js';
import { summarise } from './stats.js';
import { Tracker } from './tracker.js';
import { NATS_URL } from '../test/harness/namespace.js';
import { freePort, startService, stopService } from '../test/harness/services.js';

interface Filter {
  languages?: string[];
  topics?: string[];
}

/** Published events as the bench saw them: what the filters compare, and when it arrived here. */
interface Seen {
  articleId: string;
  language?: string;
  topics: string[];
  at: number;
}

const MEDIA_TOPICS = [
  '01000000',
  '02000000',
  '03000000',
  '04000000',
  '05000000',
  '06000000',
  '07000000',
  '08000000',
  '09000000',
  '10000000',
  '11000000',
  '12000000',
  '13000000',
  '14000000',
  '15000000',
  '16000000',
  '17000000',
];
const LANGUAGES = ['fr', 'en', 'de', 'es'];

/** Subscriber i: one language and one top-level Media Topic, a tenth with no filter at all. */
function filterOf(i: number): Filter {
  if (i % 10 === 0) return {};
  return { languages: [LANGUAGES[i % LANGUAGES.length]!], topics: [`medtop:${MEDIA_TOPICS[i % MEDIA_TOPICS.length]!}`] };
}

const takes = (filter: Filter, seen: Seen) =>
  (!filter.languages || (seen.language !== undefined && filter.languages.includes(seen.language))) &&
  (!filter.topics || filter.topics.some((t) => seen.topics.includes(t)));

function options() {
  const { values } = parseArgs({
    options: {
      subscribers: { type: 'string', default: '100' },
      rate: { type: 'string', default: '100' },
      duration: { type: 'string', default: '10' },
      profile: { type: 'boolean', default: false },
    },
  });
  return { subscribers: Number(values.subscribers), rate: Number(values.rate), durationS: Number(values.duration), profile: values.profile ?? false };
}

async function main(): Promise<void> {
  const { subscribers, rate, durationS, profile } = options();
  const execArgv = profileArgs(profile);
  const nc: NatsConnection = await connect({ servers: NATS_URL });
  const bodies = articleMix().bodies;
  const pipeline = await startPipeline(nc, execArgv);
  const adminKey = randomBytes(16).toString('hex');
  const delivery = await startService(
    'delivery',
    await freePort(),
    { ...pipeline.env, DEPECHE_API_KEYS: `bench:${adminKey}:admin`, SUBSCRIBER_ALLOW_PRIVATE_NETWORKS: 'true' },
    { output: 'capture', execArgv },
  );
  const received = new Map<number, Array<{ articleId: string; webhookId: string; at: number }>>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const at = performance.now();
      const index = Number(/^\/s\/(\d+)$/.exec(req.url ?? '')?.[1]);
      const list = received.get(index) ?? [];
      list.push({ articleId: (JSON.parse(body) as { data: { articleId: string } }).data.articleId, webhookId: String(req.headers['webhook-id']), at });
      received.set(index, list);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const receiverBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tracker = new Tracker(nc, pipeline.namespace);
  const seen = new Map<string, Seen>();
  const lifecycle = nc.subscribe(subjectsFor(pipeline.namespace).lifecycle.published, {
    callback: (_error, message) => {
      const event = message.json<{ data: { article: { id: string; language?: string; subjects: Array<{ code: string }> } } }>();
      const { article } = event.data;
      seen.set(article.id, {
        articleId: article.id,
        language: article.language?.split('-')[0]?.toLowerCase(),
        topics: article.subjects.map((s) => s.code).filter((code) => code.startsWith('medtop:')),
        at: performance.now(),
      });
    },
  });
  /** Per subscriber, the stories it is owed: the published events seen that its filter takes. */
  const expectedSets = (filters: Filter[]) => filters.map((filter) => new Set([...seen.values()].filter((s) => takes(filter, s)).map((s) => s.articleId)));
  const expectedDeliveries = (filters: Filter[]) => expectedSets(filters).reduce((n, set) => n + set.size, 0);
  /** Deliveries received, each once (retries share a webhook-id). */
  const delivered = () => [...received.values()].reduce((n, list) => n + new Set(list.map((r) => r.webhookId)).size, 0);
  const endToEndP99 = async (tag: string) => {
    tracker.reset(tag);
    const sendings = await openLoop(pipeline, bodies, rate, durationS, tag);
    const deadline = performance.now() + 30_000;
    while (tracker.publishedCount < sendings.length && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    return summarise(
      sendings.flatMap((s) => (tracker.arrivals.published.has(s.correlationId) ? [tracker.arrivals.published.get(s.correlationId)! - s.scheduled] : [])),
    );
  };
  try {
    await endToEndP99('warm');
    const alone = await endToEndP99('alone');
    const filters: Filter[] = [];
    for (let i = 0; i < subscribers; i++) {
      filters.push(filterOf(i));
      const response = await fetch(`http://127.0.0.1:${delivery.port}/v1/subscribers`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `bench ${i}`, url: `${receiverBase}/s/${i}`, filter: { events: ['published'], ...filters[i] } }),
      });
      if (response.status !== 201) throw new Error(`registering subscriber ${i}: HTTP ${response.status} ${await response.text()}`);
    }
    // A running system's Postgres has statistics on the delivery tables (autovacuum analyses them within a minute);
    // a table never analysed is estimated nearly empty, and each claim would sort the whole backlog. Warm up with
    // the subscribers, let it drain, and analyse, as a minute of running would have.
    seen.clear();
    await endToEndP99('warm-subscribers');
    const warmDeadline = performance.now() + 120_000;
    while (delivered() < expectedDeliveries(filters) && performance.now() < warmDeadline) await new Promise((resolve) => setTimeout(resolve, 200));
    const db = new pg.Client({ connectionString: pipeline.env.DATABASE_URL });
    await db.connect();
    await db.query('ANALYZE deliveries; ANALYZE delivery_events');
    await db.end();
    seen.clear();
    received.clear();
    const cpuBefore = { delivery: cpuSeconds(delivery.process.pid!), postgres: cpuSecondsOfCommand('postgres') };
    const withSubscribers = await endToEndP99('subs');
    // Every published event owed to every subscriber whose filter takes it, once.
    const expected = expectedSets(filters);
    const total = expectedDeliveries(filters);
    const drainDeadline = performance.now() + 120_000;
    const deliveredIn = delivered;
    while (deliveredIn() < total && performance.now() < drainDeadline) await new Promise((resolve) => setTimeout(resolve, 200));
    const cpu = {
      delivery: cpuSeconds(delivery.process.pid!) - cpuBefore.delivery,
      postgres: cpuSecondsOfCommand('postgres') - cpuBefore.postgres,
    };
    const exact = filters.every((_f, i) => {
      const got = new Set((received.get(i) ?? []).map((r) => r.articleId));
      return got.size === expected[i]!.size && [...got].every((id) => expected[i]!.has(id));
    });
    const latencies = [...received.values()].flatMap((list) => list.flatMap((r) => (seen.has(r.articleId) ? [r.at - seen.get(r.articleId)!.at] : [])));
    const result = {
      options: { subscribers, rate, durationS },
      published: seen.size,
      deliveriesExpected: total,
      deliveriesMade: deliveredIn(),
      deliveriesPerSec: Math.round((total / durationS) * 10) / 10,
      everySubscriberExactlyItsOwn: exact,
      /** CPU ms per delivery made, the delivery process and every Postgres process (the pipeline's included). */
      cpuMsPerDelivery: {
        delivery: Math.round((cpu.delivery * 1000 * 1000) / Math.max(1, total)) / 1000,
        postgresAll: Math.round((cpu.postgres * 1000 * 1000) / Math.max(1, total)) / 1000,
      },
      deliveryLatencyMs: summarise(latencies),
      pipelineEndToEndMs: { alone, withSubscribers, p99Change: Math.round((withSubscribers.p99 / alone.p99 - 1) * 1000) / 10 },
    };
    console.table({ alone, withSubscribers });
    console.table({ deliveryLatency: result.deliveryLatencyMs });
    console.log(JSON.stringify({ ...result, deliveryLatencyMs: undefined, pipelineEndToEndMs: undefined }));
    console.log(
      `pipeline p99 ingest→published: ${alone.p99} ms alone, ${withSubscribers.p99} ms with ${subscribers} subscribers (${result.pipelineEndToEndMs.p99Change} %)`,
    );
    console.log(`wrote ${writeResults('subscribers.json', result)}`);
  } finally {
    lifecycle.unsubscribe();
    tracker.close();
    await stopService(delivery);
    await pipeline.stop();
    server.closeAllConnections();
    server.close();
    await nc.drain();
  }
}

await main();
