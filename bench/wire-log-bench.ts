/**
 * `npm run bench:wire-log`: the intake log's query time with 10,000 lines. Starts ingest
 * from the production build on a namespace of its own, posts 10 RSS documents of 1,000 items
 * (each item through the whole intake: dedupe claim, ingested event, status, log line), then
 * times GET /v1/wire/items: the newest page (with each line's status read from the intake
 * bucket), a filter that matches nothing (a scan of the whole window), a deep page, and the
 * first page after a restart (the tail reading the window back). Writes bench/results/wire-log.json.
 */
import { connect } from '@nats-io/transport-node';
import { randomBytes } from 'node:crypto';
import { freePort, startService, stopService, type RunningService } from '../test/harness/services.js';
import { memory } from './proc-stats.js';
import { loadAverage, writeResults } from './results-file.js';
import { NATS_URL, deleteStreams, uniqueNamespace } from '../test/harness/namespace.js';
import { percentile } from './stats.js';

const DOCUMENTS = 10;
const ITEMS_PER_DOCUMENT = 1000;
const RUNS = 30;

function feed(document: number): string {
  const items = Array.from({ length: ITEMS_PER_DOCUMENT }, (_v, k) => {
    const n = document * ITEMS_PER_DOCUMENT + k;
    return (
      `<item><title>Wire item ${n}: council votes on the ${n % 7 ? 'budget' : 'cycle lanes'}</title><link>https://bench.test/a/${n}</link>` +
      `<guid>https://bench.test/a/${n}</guid><description>Paragraph ${n} of the story, long enough to be a brief.</description></item>`
    );
  }).join('');
  return `<rss version="2.0"><channel><title>Bench</title><link>https://bench.test/</link><language>en</language>${items}</channel></rss>`;
}

async function timeQuery(url: string, headers: Record<string, string>): Promise<{ medianMs: number; p95Ms: number; items: number }> {
  const times: number[] = [];
  let items = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = process.hrtime.bigint();
    const response = await fetch(url, { headers });
    const body = (await response.json()) as { items: unknown[] };
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (!response.ok) throw new Error(`${url}: ${response.status} ${JSON.stringify(body)}`);
    items = body.items.length;
  }
  const round = (ms: number) => Math.round(ms * 100) / 100;
  times.sort((a, b) => a - b);
  return { medianMs: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), items };
}

async function main(): Promise<void> {
  const nc = await connect({ servers: NATS_URL });
  const namespace = uniqueNamespace('benchlog', 3);
  const secret = randomBytes(16).toString('hex');
  const env = { NATS_URL, NATS_NAMESPACE: namespace, LOG_LEVEL: 'warn', DEPECHE_API_KEYS: `bench:${secret}:wire`, RATE_LIMIT_PER_MINUTE: '1000000' };
  const headers = { authorization: `Bearer ${secret}` };
  let ingest: RunningService | undefined;
  try {
    ingest = await startService('ingest', await freePort(), env, { output: 'capture' });
    const base = () => `http://127.0.0.1:${ingest!.port}`;
    const rssBefore = memory(ingest.process.pid!).rssMb;
    const filling = Date.now();
    for (let d = 0; d < DOCUMENTS; d++) {
      const response = await fetch(`${base()}/v1/wire`, { method: 'POST', headers: { ...headers, 'content-type': 'application/rss+xml' }, body: feed(d) });
      if (response.status !== 202) throw new Error(`document ${d}: ${response.status} ${await response.text()}`);
    }
    const fillMs = Date.now() - filling;
    const rssFilled = memory(ingest.process.pid!).rssMb;
    const newest = await timeQuery(`${base()}/v1/wire/items?limit=50`, headers);
    const largest = await timeQuery(`${base()}/v1/wire/items?limit=200`, headers);
    const scan = await timeQuery(`${base()}/v1/wire/items?outcome=tombstone&limit=50`, headers);
    const deep = await timeQuery(`${base()}/v1/wire/items?limit=50&before=${Math.round((DOCUMENTS * ITEMS_PER_DOCUMENT) / 2)}`, headers);
    await stopService(ingest);
    ingest = await startService('ingest', await freePort(), env, { output: 'capture' });
    const afterRestart = Date.now();
    const first = await fetch(`${base()}/v1/wire/items?limit=50`, { headers });
    const firstPageAfterRestartMs = Date.now() - afterRestart;
    const firstItems = ((await first.json()) as { items: unknown[] }).items.length;
    const results = {
      lines: DOCUMENTS * ITEMS_PER_DOCUMENT,
      fillMs,
      newestPage50: newest,
      page200: largest,
      scanWholeWindow: scan,
      deepPage50: deep,
      restart: { readyMs: ingest.readyMs, firstPageAfterRestartMs, firstItems },
      ingestRssMb: { beforeFill: rssBefore, afterFill: rssFilled },
    };
    console.log(`intake log, ${results.lines} lines (filled in ${fillMs} ms), ${RUNS} runs per query; load average ${loadAverage().join(' ')}`);
    console.table({ newestPage50: newest, page200: largest, scanWholeWindow: scan, deepPage50: deep });
    console.log(`after a restart: ready in ${ingest.readyMs} ms, first page in ${firstPageAfterRestartMs} ms (${firstItems} lines)`);
    console.log(`ingest resident: ${rssBefore} MB before, ${rssFilled} MB with the 10,000 lines`);
    console.log(`wrote ${writeResults('wire-log.json', { runs: RUNS, ...results })}`);
  } finally {
    if (ingest) await stopService(ingest);
    await deleteStreams(nc, namespace);
    await nc.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
