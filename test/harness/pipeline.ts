import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import 'reflect-metadata';
import { startEnrichment } from '../../apps/enrichment/src/enrichment.app.js';
import { startIngest } from '../../apps/ingest/src/ingest.app.js';
import { startPublishing } from '../../apps/publishing/src/publishing.app.js';
import { SERVICES, type ServiceName } from '#contracts';
import { START_ORDER } from './services.js';
import { createTestNamespace, NATS_URL, type TestNamespace } from './namespace.js';
import { collect, type Collected } from './subscriptions.js';

/** The key every test request carries unless a test says otherwise (admin holds every scope). */
export const TEST_API_KEY = 'test-admin-key-0123456789abcdef';
export const AUTH = { authorization: `Bearer ${TEST_API_KEY}` };
const starters = { ingest: startIngest, enrichment: startEnrichment, publishing: startPublishing };

/** The three services, in this process, on a namespace and database of their own. */
export class TestPipeline {
  readonly apps: Partial<Record<ServiceName, NestFastifyApplication>> = {};
  private readonly collectors: Collected[] = [];

  private constructor(
    readonly ns: TestNamespace,
    readonly env: NodeJS.ProcessEnv,
  ) {}

  static async start(extraEnv: NodeJS.ProcessEnv = {}): Promise<TestPipeline> {
    const ns = await createTestNamespace();
    const env = {
      NATS_URL,
      NATS_NAMESPACE: ns.namespace,
      DATABASE_URL: ns.databaseUrl,
      PORT: '0',
      DEPECHE_API_KEYS: `tests:${TEST_API_KEY}:admin`,
      LOG_LEVEL: 'warn',
      CONSUMER_RETRY_BASE_MS: '50',
      CONSUMER_RETRY_MAX_MS: '500',
      // The three services share this process's event loop with jest: its delay says nothing about any one of them.
      // The load-shedding tests set their own limits.
      LOAD_SHEDDING_MAX_EVENT_LOOP_DELAY_MS: '0',
      ...extraEnv,
    };
    const pipeline = new TestPipeline(ns, env);
    for (const name of START_ORDER) await pipeline.startService(name);
    return pipeline;
  }

  async startService(name: ServiceName): Promise<void> {
    this.apps[name] = await starters[name](this.env);
  }

  async stopService(name: ServiceName): Promise<void> {
    await this.apps[name]?.close();
    delete this.apps[name];
  }

  url(name: ServiceName, path: string): string {
    const app = this.apps[name];
    if (!app) throw new Error(`${name} is not running`);
    const { port } = app.getHttpServer().address() as { port: number };
    return `http://127.0.0.1:${port}${path}`;
  }

  async post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; contentType: string | null }> {
    const response = await fetch(this.url('ingest', path), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...AUTH, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json(), contentType: response.headers.get('content-type') };
  }

  async get(name: ServiceName, path: string): Promise<{ status: number; body: any }> {
    const response = await fetch(this.url(name, path), { headers: AUTH });
    return { status: response.status, body: await response.json() };
  }

  /** A request with the test key, for routes post() and get() do not cover. */
  request(name: ServiceName, path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(this.url(name, path), { ...init, headers: { ...AUTH, ...(init.headers as Record<string, string>) } });
  }

  /** Collects events on `subject` from now on; stopped by close(). */
  collect<T = unknown>(subject: string): Collected<T> {
    const collected = collect<T>(this.ns.nc, subject);
    this.collectors.push(collected);
    return collected;
  }

  async close(): Promise<void> {
    for (const collected of this.collectors) collected.stop();
    for (const name of SERVICES) await this.stopService(name);
    await this.ns.dispose();
  }
}
