import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AckPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { streamNames, subjectsFor, SERVICES, type ServiceName } from '#contracts';
import { testDatabase } from './harness/namespace.js';
import { OtlpReceiver } from './harness/otlp-receiver.js';
import { START_ORDER } from './harness/services.js';
import { ServiceProcess } from './harness/processes.js';
import { assertBuilt, freePort } from './harness/services.js';
import { sample, scrape } from './harness/prometheus-text.js';
import { SecuredNats } from './harness/secured-nats.js';
import { exampleAsEditorArticle } from './harness/fixtures.js';
import { collect, eventually } from './harness/subscriptions.js';

/**
 * The stack as ops run it: the three services from the production build, each
 * with its own NATS user on a nats-server started from ops/nats/nats-server.conf,
 * exporting spans to an OTLP receiver. One article goes through; then metrics,
 * traces and logs must show it.
 */
describe('operations: metrics, traces and logs of the running stack', () => {
  const namespace = `t${randomBytes(5).toString('hex')}`;
  const subjects = subjectsFor(namespace);
  const database = testDatabase(namespace);
  const services = {} as Record<ServiceName, ServiceProcess>;
  const correlationId = `ops-${randomUUID()}`;
  const apiKey = randomBytes(16).toString('hex');
  const wireKey = randomBytes(16).toString('hex');
  let nats: SecuredNats;
  let otlp: OtlpReceiver;
  let reader: NatsConnection;
  let articleId: string;
  let publishedHeaders: Record<string, string>;

  beforeAll(async () => {
    assertBuilt();
    nats = await SecuredNats.start(namespace);
    otlp = await OtlpReceiver.start();
    const env = {
      DEPECHE_API_KEYS: `ops-test:${apiKey}:submit,ops-wire:${wireKey}:wire`,
      NATS_URL: nats.url,
      NATS_NAMESPACE: namespace,
      DATABASE_URL: database.url,
      LOG_LEVEL: 'debug',
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp.endpoint,
      CONSUMER_LAG_POLL_MS: '500',
    };
    for (const name of START_ORDER) services[name] = await ServiceProcess.start(name, await freePort(), { ...env, ...nats.credentials(name) });
    reader = await nats.connect('consumer');
    const published = collect<{ article: { id: string } }>(reader, subjects.lifecycle.published);
    const response = await fetch(services.ingest.url('/v1/articles'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-correlation-id': correlationId, authorization: `Bearer ${apiKey}` },
      body: JSON.stringify(exampleAsEditorArticle()),
    });
    expect(response.status).toBe(202);
    articleId = ((await response.json()) as { id: string }).id;
    publishedHeaders = (await eventually('the published event, read as the consumer user', () => published.events.find((e) => e.data.article.id === articleId)))
      .headers;
    published.stop();
  }, 180_000);

  afterAll(async () => {
    for (const service of Object.values(services)) await service.stop();
    await reader?.close();
    await otlp?.close();
    await nats?.stop();
    await database.drop();
  }, 60_000);

  it('counts the request, the events each service handled, consumer lag and the Postgres pool on /metrics', async () => {
    const ingest = await scrape(services.ingest.url('/metrics'));
    expect(ingest.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sample(ingest.text, 'depeche_http_requests_total', { service: 'ingest', method: 'POST', route: '/v1/articles', status: '202' })).toBe(1);
    expect(sample(ingest.text, 'depeche_http_request_duration_seconds_count', { method: 'POST', route: '/v1/articles' })).toBe(1);

    const enrichment = await scrape(services.enrichment.url('/metrics'));
    expect(sample(enrichment.text, 'depeche_events_received_total', { subject: subjects.ingested })).toBe(1);
    expect(sample(enrichment.text, 'depeche_events_processed_total', { subject: subjects.ingested })).toBe(1);
    expect(sample(enrichment.text, 'depeche_events_failed_total', { subject: subjects.ingested, reason: 'transient' })).toBe(0);
    expect(sample(enrichment.text, 'depeche_event_handling_seconds_count', { subject: subjects.ingested, outcome: 'ack' })).toBe(1);

    const publishing = await scrape(services.publishing.url('/metrics'));
    expect(sample(publishing.text, 'depeche_events_processed_total', { subject: subjects.enriched })).toBe(1);
    expect(sample(publishing.text, 'depeche_events_dead_lettered_total', { subject: subjects.enriched, reason: 'invalid' })).toBe(0);
    expect(sample(publishing.text, 'depeche_db_pool_connections')).toBeGreaterThan(0);
    expect(sample(publishing.text, 'depeche_db_pool_max_connections')).toBe(10);
    expect(sample(publishing.text, 'depeche_db_pool_waiting_requests')).toBe(0);
    expect(sample(publishing.text, 'depeche_process_resident_memory_bytes')).toBeGreaterThan(0);

    // Every service reports every durable's lag, so a stopped service's backlog still shows.
    await eventually('consumer lag gauges at 0 with the events stream holding the article', async () => {
      const text = (await scrape(services.ingest.url('/metrics'))).text;
      const lag = ['enrichment', 'publishing'].map((durable) => sample(text, 'depeche_consumer_pending_messages', { durable }));
      const events = sample(text, 'depeche_stream_messages', { stream: streamNames(namespace).events }) ?? 0;
      return lag.every((value) => value === 0) && events >= 4;
    });
  });

  it('exposes every metric the Grafana dashboard queries', async () => {
    const dashboard = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../ops/grafana/depeche-dashboard.json'), 'utf8')) as {
      panels: Array<{ targets: Array<{ expr: string }> }>;
    };
    const queried = new Set(dashboard.panels.flatMap((p) => p.targets.flatMap((t) => t.expr.match(/depeche_[a-z0-9_]+/g) ?? [])));
    const exposed = (await Promise.all(Object.values(services).map(async (s) => (await scrape(s.url('/metrics'))).text))).join('\n');
    expect([...queried].filter((name) => !new RegExp(`^${name}[{ ]`, 'm').test(exposed))).toEqual([]);
    expect(queried.size).toBeGreaterThan(10);
  });

  it('exports one trace from the HTTP request through enrichment to publishing', async () => {
    const spanOf = (service: string, name: string) => otlp.spans.find((s) => s.service === `depeche-${service}` && s.name === name);
    const [server, enrich, publish] = await eventually('spans of the three services', () => {
      const found = [
        spanOf('ingest', 'POST /v1/articles'),
        spanOf('enrichment', `process ${subjects.ingested}`),
        spanOf('publishing', `process ${subjects.enriched}`),
      ];
      return found.every(Boolean) ? found.map((span) => span!) : undefined;
    });
    expect([server.kind, enrich.kind, publish.kind]).toEqual([2, 5, 5]); // SERVER, CONSUMER, CONSUMER
    expect(enrich.traceId).toBe(server.traceId);
    expect(publish.traceId).toBe(server.traceId);
    expect(enrich.parentSpanId).toBe(server.spanId);
    expect(publish.parentSpanId).toBe(enrich.spanId);
    // Through the outbox too: a consumer of the published event can continue the same trace.
    expect(publishedHeaders.traceparent).toMatch(new RegExp(`^00-${server.traceId}-${publish.spanId}-0[01]$`));
  });

  it('writes JSON log lines with the same trace id and correlation id in every service', async () => {
    const traceId = otlp.spans.find((s) => s.service === 'depeche-ingest' && s.name === 'POST /v1/articles')!.traceId;
    for (const name of SERVICES) {
      const line = await eventually(`a log line of ${name} for the article`, () => services[name].logs.find((l) => l.trace_id === traceId && l.level === 20));
      expect(line).toMatchObject({ service: name, msg: name === 'ingest' ? 'request completed' : 'message handled', correlationId, trace_id: traceId });
      expect(line.span_id).toMatch(/^[0-9a-f]{16}$/);
    }
    const allLines = Object.values(services).flatMap((s) => s.logs);
    expect(allLines.filter((l) => 'text' in l)).toEqual([]);
    expect(JSON.stringify(allLines)).not.toContain(nats.passwords.publishing);
  });

  it('dead-letters an invalid event, which the enrichment user may publish, and counts it', async () => {
    const nc = await nats.connect('ingest');
    await jetstream(nc).publish(subjects.ingested, '{"not":"an event"}');
    await nc.close();
    await eventually('the dead letter on /metrics', async () => {
      const text = (await scrape(services.enrichment.url('/metrics'))).text;
      return sample(text, 'depeche_events_dead_lettered_total', { subject: subjects.ingested, reason: 'invalid' }) === 1;
    });
    const ops = await nats.connect('ops');
    const stored = (await (await jetstreamManager(ops)).streams.info(streamNames(namespace).deadLetters)).state.messages;
    await ops.close();
    expect(stored).toBe(1);
  });

  it('lets the consumer user read lifecycle events through a durable consumer of its own, and change nothing', async () => {
    const jsm = await jetstreamManager(reader);
    const stream = streamNames(namespace).events;
    await jsm.consumers.add(stream, { durable_name: 'downstream', ack_policy: AckPolicy.Explicit, filter_subject: subjects.lifecycle.published });
    const message = await (await jetstream(reader).consumers.get(stream, 'downstream')).next({ expires: 5000 });
    expect(message?.json<{ data: { article: { id: string } } }>().data.article.id).toBe(articleId);
    message?.ack();
    await expect(jsm.streams.delete(stream)).rejects.toThrow(/permission|timeout/i);
  });

  it('lets ingest write the intake log and read it back under its own NATS user', async () => {
    const rss =
      '<rss version="2.0"><channel><title>Ops</title><link>https://ops.test/</link><item><title>Ops wire item</title><link>https://ops.test/a/1</link><description>Text.</description></item></channel></rss>';
    const headers = { authorization: `Bearer ${wireKey}` };
    const posted = await fetch(services.ingest.url('/v1/wire'), { method: 'POST', headers: { ...headers, 'content-type': 'application/rss+xml' }, body: rss });
    expect(posted.status).toBe(202);
    const log = (await (await fetch(services.ingest.url('/v1/wire/items'), { headers })).json()) as { items: unknown[] };
    expect(log.items).toEqual([expect.objectContaining({ headline: 'Ops wire item', outcome: 'new', key: 'ops-wire' })]);
  });

  it('gives each NATS user only its own subjects', async () => {
    const refused = async (user: 'consumer' | 'ingest' | 'enrichment', subject: string) => {
      const nc = await nats.connect(user);
      try {
        return await nc.request(subject, '{}', { timeout: 2000 }).then(
          () => 'allowed',
          (error: Error) => error.message,
        );
      } finally {
        await nc.close();
      }
    };
    expect(await refused('consumer', subjects.ingested)).toMatch(/permission/i);
    expect(await refused('ingest', subjects.lifecycle.published)).toMatch(/permission/i);
    expect(await refused('enrichment', subjects.lifecycle.published)).toMatch(/permission/i);
  });
});
