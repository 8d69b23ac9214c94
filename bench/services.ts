import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export type Service = 'ingest' | 'enrichment' | 'publishing';

export interface RunningService {
  name: Service;
  port: number;
  process: ChildProcess;
  startedAt: number;
  readyMs: number;
}

const root = path.resolve(import.meta.dirname, '../..');

/** Starts one service from the production build as its own process and waits until it is ready. */
export async function startService(name: Service, port: number, env: NodeJS.ProcessEnv): Promise<RunningService> {
  const startedAt = Date.now();
  const child = spawn(process.execPath, [path.join(root, `dist/apps/${name}/src/main.js`)], {
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: env.LOG_LEVEL ?? 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const readyMs = await waitReady(port, child, startedAt);
  return { name, port, process: child, startedAt, readyMs };
}

async function waitReady(port: number, child: ChildProcess, startedAt: number): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`service on :${port} exited with ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (response.ok) return Date.now() - startedAt;
    } catch {
      // not listening yet
    }
    if (Date.now() - startedAt > 60_000) throw new Error(`service on :${port} not ready after 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function stopService(service: RunningService): Promise<void> {
  if (service.process.exitCode !== null) return;
  const exited = new Promise((resolve) => service.process.once('exit', resolve));
  service.process.kill('SIGTERM');
  await exited;
}

/** Resident memory of a process in MB, from /proc (Linux). */
export async function residentMb(pid: number | undefined): Promise<number> {
  if (!pid) return 0;
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}
