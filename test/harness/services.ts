import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { MessagingServiceName, ServiceName } from '#contracts';

/**
 * The one harness that starts the services from the production build, each as its own
 * process, for the process-level e2e tests, the fault tests and the benchmark alike
 * (the benchmark depends on it, never the other way round). Built with the services
 * (tsconfig.build.json), so `npm run bench` runs it from dist/test/harness.
 */

/** Publishing first (it creates the database), then the consumers upstream of it, ingest last. */
export const START_ORDER: readonly ServiceName[] = ['publishing', 'enrichment', 'ingest'];

export interface RunningService<N extends MessagingServiceName = ServiceName> {
  name: N;
  port: number;
  process: ChildProcess;
  startedAt: number;
  readyMs: number;
  /** The last lines the process wrote, when started with `output: 'capture'`. */
  logs: string[];
}

export interface StartOptions {
  /** 'inherit' (default): the service writes to this terminal; 'capture': its last lines are kept in `logs`. */
  output?: 'inherit' | 'capture';
  readyTimeoutMs?: number;
  /** Node options before the script, e.g. ['--cpu-prof', '--cpu-prof-dir=…'] (not allowed in NODE_OPTIONS). */
  execArgv?: string[];
  /** Every line the process writes (stdout and stderr), when output is 'capture'. */
  onLine?: (line: string) => void;
  /** 'clean': the service sees only PATH and `env`, not this process's environment nor the image's NODE_OPTIONS. */
  environment?: 'inherit' | 'clean';
}

/** The repository root, whether this file runs from dist/test/harness (built) or test/harness (ts-jest). */
const root = [path.resolve(import.meta.dirname, '../../..'), path.resolve(import.meta.dirname, '../..')].find(
  (dir) => existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'apps')),
)!;

const KEPT_LOG_LINES = 200;

/** The services run from the production build, which the test runner makes first (scripts/run-tests.mjs). */
export function assertBuilt(): void {
  for (const name of SERVICES_BUILT) {
    const main = path.join(root, `dist/apps/${name}/src/main.js`);
    if (!existsSync(main)) throw new Error(`${path.relative(root, main)} is missing: run the tests with npm test (it builds first), or npm run build`);
  }
}
const SERVICES_BUILT = ['ingest', 'enrichment', 'publishing', 'delivery', 'cli'] as const;

/**
 * As the image runs them (Dockerfile): an old-generation cap well above what a
 * service keeps alive (about 65 MB at most) makes V8 collect before growing,
 * which holds each service near 200 MB resident under sustained load instead
 * of 300+; the young generation keeps its usual size, since a cap alone would
 * shrink it too, and the extra scavenges show in the latency tail.
 */
export const SERVICE_NODE_OPTIONS = '--max-old-space-size=384 --max-semi-space-size=16';

/** Starts one service from the production build as its own process and waits until it is ready. */
export async function startService<N extends MessagingServiceName>(
  name: N,
  port: number,
  env: NodeJS.ProcessEnv,
  options: StartOptions = {},
): Promise<RunningService<N>> {
  const startedAt = Date.now();
  const capture = options.output === 'capture';
  const base = options.environment === 'clean' ? { PATH: process.env.PATH } : { NODE_OPTIONS: SERVICE_NODE_OPTIONS, ...process.env };
  const child = spawn(process.execPath, [...(options.execArgv ?? []), path.join(root, `dist/apps/${name}/src/main.js`)], {
    env: { ...base, ...env, PORT: String(port), LOG_LEVEL: env.LOG_LEVEL ?? 'warn' },
    stdio: ['ignore', capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'],
  });
  const logs: string[] = [];
  if (capture) {
    const keep = (line: string) => {
      options.onLine?.(line);
      logs.push(line);
      if (logs.length > KEPT_LOG_LINES) logs.shift();
    };
    createInterface({ input: child.stdout! }).on('line', keep);
    createInterface({ input: child.stderr! }).on('line', keep);
  }
  try {
    const readyMs = await waitReady(port, child, startedAt, options.readyTimeoutMs ?? 60_000);
    return { name, port, process: child, startedAt, readyMs, logs };
  } catch (error) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    const tail = logs.slice(-10).join('\n');
    throw new Error(`${name}: ${(error as Error).message}${tail ? `\n${tail}` : ''}`);
  }
}

async function waitReady(port: number, child: ChildProcess, startedAt: number, timeoutMs = 60_000): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`service on :${port} exited with ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (response.ok) return Date.now() - startedAt;
    } catch {
      // not listening yet
    }
    if (Date.now() - startedAt > timeoutMs) throw new Error(`service on :${port} not ready after ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function stopService(service: RunningService<MessagingServiceName>): Promise<void> {
  if (service.process.exitCode !== null || service.process.signalCode !== null) return;
  const exited = new Promise((resolve) => service.process.once('exit', resolve));
  service.process.kill('SIGTERM');
  await exited;
}

/** SIGKILL: no shutdown hook runs, in-flight messages are left to JetStream's ack wait. */
export async function killService(service: RunningService<MessagingServiceName>): Promise<void> {
  if (service.process.exitCode !== null || service.process.signalCode !== null) return;
  const exited = new Promise((resolve) => service.process.once('exit', resolve));
  service.process.kill('SIGKILL');
  await exited;
}

/** A TCP port nobody listens on right now on 127.0.0.1 (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resident memory of a process in MB, from /proc (Linux). */
export async function residentMb(pid: number | undefined): Promise<number> {
  if (!pid) return 0;
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}
