import type { ServiceName } from '#contracts';
import { startService, type RunningService } from './services.js';

/** One service started by the harness, in a clean environment, with every JSON log line it writes kept. */
export class ServiceProcess {
  readonly logs: Array<Record<string, unknown>> = [];
  private exited!: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private running!: RunningService;

  private constructor(
    readonly name: ServiceName,
    readonly port: number,
  ) {}

  static async start(name: ServiceName, port: number, env: NodeJS.ProcessEnv): Promise<ServiceProcess> {
    const service = new ServiceProcess(name, port);
    service.running = await startService(name, port, env, { output: 'capture', environment: 'clean', onLine: (line) => service.keep(line) });
    const child = service.running.process;
    service.exited =
      child.exitCode !== null || child.signalCode !== null
        ? Promise.resolve({ code: child.exitCode, signal: child.signalCode })
        : new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    return service;
  }

  url(pathname: string): string {
    return `http://127.0.0.1:${this.port}${pathname}`;
  }

  /** SIGTERM, then how it ended and how long it took. */
  async stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
    const started = Date.now();
    const child = this.running.process;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const ended = await this.exited;
    return { ...ended, ms: Date.now() - started };
  }

  kill(): void {
    const child = this.running.process;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }

  private keep(line: string): void {
    try {
      this.logs.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      this.logs.push({ text: line });
    }
  }
}
