import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { findBinary } from './binaries.js';
import { keepLastOutput } from './nats-cluster.js';
import { freePort } from './services.js';

export { findBinary };

const run = promisify(execFile);

/**
 * The fault suite's own NATS server and PostgreSQL cluster, on free ports and
 * in temporary directories: it stops and restarts them mid-burst without
 * touching the machine's shared services or other test runs.
 */

/** Runs `cleanup` if the test process exits before the suite disposed of its servers (a crash, a timeout). */
function onExit(cleanup: () => void): void {
  process.once('exit', () => {
    try {
      cleanup();
    } catch {
      // best effort
    }
  });
}

/** PostgreSQL's server binaries: Debian keeps them in /usr/lib/postgresql/<version>/bin, newest first. */
function postgresBinDirs(): string[] {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return [];
  return readdirSync(base)
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => path.join(base, version, 'bin'))
    .filter((dir) => existsSync(path.join(dir, 'pg_ctl')));
}

function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing listens on :${port} after ${timeoutMs} ms`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/** A nats-server with JetStream in a temporary store; restart keeps the store and the port. */
export class NatsServer {
  private child?: ChildProcess;
  private output: string[] = [];

  private constructor(
    readonly binary: string,
    readonly port: number,
    readonly storeDir: string,
  ) {}

  static async start(): Promise<NatsServer> {
    const server = new NatsServer(findBinary('nats-server'), await freePort(), mkdtempSync(path.join(tmpdir(), 'depeche-faults-nats-')));
    await server.startProcess();
    return server;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  private async startProcess(): Promise<void> {
    const child = spawn(this.binary, ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.storeDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    keepLastOutput(child, this.output);
    this.child = child;
    onExit(() => child.kill('SIGKILL'));
    try {
      await waitForPort(this.port, 15_000);
    } catch (error) {
      throw new Error(`nats-server did not start: ${(error as Error).message}\n${this.output.join('')}`);
    }
  }

  /** SIGTERM and wait for the process to end (JetStream flushes its store on the way out). */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  /** Stops the server, waits `downMs`, starts it again on the same port with the same store. */
  async restart(downMs: number): Promise<void> {
    await this.stop();
    await new Promise((resolve) => setTimeout(resolve, downMs));
    await this.startProcess();
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.storeDir, { recursive: true, force: true });
  }
}

/**
 * A throwaway PostgreSQL cluster (initdb, trust auth, its own port and socket
 * folder). When this process runs as root, initdb and pg_ctl run as the
 * `postgres` user, since the server refuses to run as root.
 */
export class PostgresCluster {
  private running = false;

  private constructor(
    readonly binDir: string,
    readonly port: number,
    readonly baseDir: string,
    private readonly owner?: { uid: number; gid: number },
  ) {}

  static async start(): Promise<PostgresCluster> {
    const pgCtl = findBinary('pg_ctl', postgresBinDirs());
    const binDir = path.dirname(await resolveLink(pgCtl));
    const baseDir = mkdtempSync(path.join(tmpdir(), 'depeche-faults-pg-'));
    let owner: { uid: number; gid: number } | undefined;
    if (process.getuid?.() === 0) {
      owner = await postgresUser();
      chownSync(baseDir, owner.uid, owner.gid);
    }
    const cluster = new PostgresCluster(binDir, await freePort(), baseDir, owner);
    onExit(() => cluster.killNow());
    await cluster.exec('initdb', ['-D', cluster.dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    await cluster.startServer();
    return cluster;
  }

  get dataDir(): string {
    return path.join(this.baseDir, 'data');
  }

  /** A URL for a database of this cluster. */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async startServer(): Promise<void> {
    const options = `-p ${this.port} -k ${this.baseDir} -c listen_addresses=127.0.0.1 -c max_connections=200`;
    await this.exec('pg_ctl', ['-D', this.dataDir, '-l', path.join(this.baseDir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
    this.running = true;
  }

  /** `pg_ctl stop -m fast`: every connection is cut, open transactions roll back. */
  async stopServer(): Promise<void> {
    if (!this.running) return;
    await this.exec('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', '-t', '60', 'stop']);
    this.running = false;
  }

  async query<T extends pg.QueryResultRow = pg.QueryResultRow>(database: string, sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: this.url(database) });
    await client.connect();
    try {
      return (await client.query<T>(sql, params)).rows;
    } finally {
      await client.end();
    }
  }

  async dispose(): Promise<void> {
    try {
      if (this.running) await this.exec('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already gone
    }
    this.running = false;
    rmSync(this.baseDir, { recursive: true, force: true });
  }

  /** Last resort when the test process ends without afterAll (synchronous: runs in an 'exit' handler). */
  killNow(): void {
    if (!this.running) return;
    const binary = path.join(this.binDir, 'pg_ctl');
    const args = ['-D', this.dataDir, '-m', 'immediate', 'stop'];
    try {
      if (this.owner) execFileSync(findBinary('runuser'), ['-u', 'postgres', '--', binary, ...args], { stdio: 'ignore' });
      else execFileSync(binary, args, { stdio: 'ignore' });
    } catch {
      // already gone
    }
    this.running = false;
  }

  private async exec(tool: string, args: string[]): Promise<void> {
    const binary = path.join(this.binDir, tool);
    const [file, argv] = this.owner ? [findBinary('runuser'), ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
    try {
      await run(file, argv, { cwd: this.baseDir, timeout: 120_000 });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`${tool} ${args.join(' ')} failed: ${(error as Error).message}\n${stdout ?? ''}${stderr ?? ''}`);
    }
  }
}

async function resolveLink(file: string): Promise<string> {
  const { realpath } = await import('node:fs/promises');
  return realpath(file);
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  try {
    const { stdout: uid } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
  } catch {
    throw new Error('running as root, but there is no `postgres` user to run the test cluster as (Debian creates it with the postgresql package)');
  }
}
