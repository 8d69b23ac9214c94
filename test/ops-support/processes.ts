import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from '../../bench/services.js';

export { freePort };

export type ServiceName = 'ingest' | 'enrichment' | 'publishing';

const root = path.resolve(import.meta.dirname, '../..');

/** Builds dist/ when it is missing or older than the sources (scripts/ensure-build.mjs). */
export function ensureBuild(): void {
  execFileSync(process.execPath, [path.join(root, 'scripts/ensure-build.mjs')], { stdio: 'inherit' });
}

/** One service from the production build, as its own process, with its JSON log lines kept. */
export class ServiceProcess {
  readonly logs: Array<Record<string, unknown>> = [];
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(readonly name: ServiceName, readonly port: number, private readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    createInterface({ input: child.stdout! }).on('line', (line) => this.keep(line));
    createInterface({ input: child.stderr! }).on('line', (line) => this.keep(line));
  }

  static async start(name: ServiceName, port: number, env: NodeJS.ProcessEnv): Promise<ServiceProcess> {
    const child = spawn(process.execPath, [path.join(root, `dist/apps/${name}/src/main.js`)], {
      env: { PATH: process.env.PATH, ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const service = new ServiceProcess(name, port, child);
    await service.waitReady();
    return service;
  }

  url(pathname: string): string {
    return `http://127.0.0.1:${this.port}${pathname}`;
  }

  /** SIGTERM, then how it ended and how long it took. */
  async stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
    const started = Date.now();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    const ended = await this.exited;
    return { ...ended, ms: Date.now() - started };
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }

  private keep(line: string): void {
    try {
      this.logs.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      this.logs.push({ text: line });
    }
  }

  private async waitReady(): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`${this.name} exited with ${this.child.exitCode}: ${JSON.stringify(this.logs.slice(-5))}`);
      const ok = await fetch(this.url('/health/ready')).then((r) => r.ok, () => false);
      if (ok) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    this.kill();
    throw new Error(`${this.name} not ready after 60 s: ${JSON.stringify(this.logs.slice(-5))}`);
  }
}
