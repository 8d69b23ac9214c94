/**
 * `npm run bench`: the pipeline as separate processes from the production
 * build, fed open-loop at a fixed rate; latency counts from each article's
 * scheduled send time, so a slow sender is charged.
 *   node dist/bench/pipeline-bench.js [--count 2000] [--rate 100]
 */
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { streamNames, subjectsFor } from '#contracts';
import { residentMb, startService, stopService, type RunningService } from './services.js';
import { summarise } from './stats.js';

const { values } = parseArgs({ options: { count: { type: 'string', default: '2000' }, rate: { type: 'string', default: '100' } } });
const count = Number(values.count);
const rate = Number(values.rate);
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const root = path.resolve(import.meta.dirname, '../..');

function seedArticle(i: number) {
  const text = readFileSync(path.resolve(root, '../shared/samples/seed-economie-fr.txt'), 'utf8');
  const [section, headline, standfirst, ...rest] = text.split('\n');
  return { section, headline: `${headline} (${i})`, standfirst, body: rest.slice(0, rest.indexOf('-')).join('\n') };
}

async function main() {
  const namespace = `bench${randomBytes(3).toString('hex')}`;
  const database = `depeche_${namespace}`;
  const env = { NATS_URL, NATS_NAMESPACE: namespace, DATABASE_URL: PG_URL.replace(/\/[^/]*$/, `/${database}`) };
  const services: RunningService[] = [];
  for (const [name, port] of [['publishing', 3102], ['enrichment', 3101], ['ingest', 3100]] as const) services.push(await startService(name, port, env));

  const nc = await connect({ servers: NATS_URL });
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const accept: number[] = [];
  nc.subscribe(subjectsFor(namespace).lifecycle.published, {
    callback: (_e, msg) => {
      const id = (msg.json() as { data: { article: { id: string } } }).data.article.id;
      const scheduled = sentAt.get(id);
      if (scheduled !== undefined) latencies.push(performance.now() - scheduled);
    },
  });

  const started = performance.now();
  const posts: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const scheduled = started + (i * 1000) / rate;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    posts.push(
      fetch('http://127.0.0.1:3100/v1/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(seedArticle(i)) })
        .then((r) => r.json() as Promise<{ id: string }>)
        .then(({ id }) => {
          accept.push(performance.now() - scheduled);
          sentAt.set(id, scheduled);
        }),
    );
  }
  await Promise.all(posts);
  const deadline = Date.now() + 60_000;
  while (latencies.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  const elapsed = (performance.now() - started) / 1000;

  const rss = Object.fromEntries(await Promise.all(services.map(async (s) => [s.name, await residentMb(s.process.pid)] as const)));
  const result = {
    offeredPerSec: rate,
    articles: count,
    published: latencies.length,
    throughputPerSec: Math.round((latencies.length / elapsed) * 10) / 10,
    acceptMs: summarise(accept),
    ingestToPublishedMs: summarise(latencies),
    rssMb: rss,
    readyMs: Object.fromEntries(services.map((s) => [s.name, s.readyMs])),
  };
  console.table({ throughput: result.throughputPerSec, published: `${result.published}/${count}` });
  console.table({ accept: result.acceptMs, 'ingest→published': result.ingestToPublishedMs });
  console.table({ rssMb: rss, readyMs: result.readyMs });
  mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  writeFileSync(path.join(root, 'bench/results/latest.json'), JSON.stringify({ at: new Date().toISOString(), pipeline: result }, null, 2));

  for (const s of services.reverse()) await stopService(s);
  const jsm = await jetstreamManager(nc);
  for (const name of [...Object.values(streamNames(namespace)), `KV_${namespace.toUpperCase()}_INTAKE`]) await jsm.streams.delete(name).catch(() => undefined);
  await nc.close();
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.end();
  if (result.published < count) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
