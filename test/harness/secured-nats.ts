import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect } from '@nats-io/transport-node';
import { freePort } from './services.js';
import { natsConfigForLocalServer } from './nats-config.js';

export const NATS_USERS = ['ingest', 'enrichment', 'publishing', 'delivery', 'consumer', 'ops'] as const;
export type NatsUser = (typeof NATS_USERS)[number];

const root = path.resolve(import.meta.dirname, '../..');

/**
 * A nats-server of its own started from ops/nats/nats-server.conf, the file
 * docker-compose.yml mounts: same users and permissions, with the subjects of
 * the test's namespace instead of "news", a free port and a temporary store.
 */
export class SecuredNats {
  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string,
    readonly url: string,
    readonly passwords: Record<NatsUser, string>,
  ) {}

  /** The end of what the server wrote to stderr, for the error when it does not start. */
  private stderr = '';

  /**
   * Ports are picked free but can be taken by a parallel test before the server
   * binds them: a server that exits at start is retried on new ports.
   */
  static async start(namespace: string): Promise<SecuredNats> {
    for (let attempt = 1; ; attempt++) {
      const nats = await SecuredNats.launch(namespace);
      try {
        await nats.waitUp();
        return nats;
      } catch (error) {
        await nats.stop();
        if (attempt >= 3) throw error;
      }
    }
  }

  private static async launch(namespace: string): Promise<SecuredNats> {
    const dir = mkdtempSync(path.join(tmpdir(), 'depeche-nats-'));
    const [port, monitorPort] = [await freePort(), await freePort()];
    const conf = natsConfigForLocalServer(natsServerBinary(), readFileSync(path.join(root, 'ops/nats/nats-server.conf'), 'utf8'))
      .replace(/^port: \d+$/m, `port: ${port}`)
      .replace(/^http_port: \d+$/m, `http_port: ${monitorPort}`)
      .replace(/store_dir: "[^"]*"/, `store_dir: "${dir}/js"`)
      .replaceAll('news.', `${namespace}.`)
      .replaceAll('NEWS_', `${namespace.toUpperCase()}_`);
    writeFileSync(path.join(dir, 'nats-server.conf'), conf);
    // nats-server reads an environment variable's value as a config value: one starting with a digit ("0e3…",
    // "12ab…") is taken for a malformed number and the server does not start. A letter first keeps it a string.
    const passwords = Object.fromEntries(NATS_USERS.map((user) => [user, `pw${randomBytes(12).toString('hex')}`])) as Record<NatsUser, string>;
    const env = Object.fromEntries(NATS_USERS.map((user) => [`NATS_${user.toUpperCase()}_PASSWORD`, passwords[user]]));
    const child = spawn(natsServerBinary(), ['-c', path.join(dir, 'nats-server.conf'), '-a', '127.0.0.1'], {
      env: { ...env, PATH: process.env.PATH },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const nats = new SecuredNats(child, dir, `nats://127.0.0.1:${port}`, passwords);
    child.stderr!.on('data', (chunk: Buffer) => (nats.stderr = (nats.stderr + chunk.toString()).slice(-2000)));
    return nats;
  }

  credentials(user: NatsUser): { NATS_USER: string; NATS_PASSWORD: string } {
    return { NATS_USER: user, NATS_PASSWORD: this.passwords[user] };
  }

  connect(user: NatsUser) {
    return connect({ servers: this.url, user, pass: this.passwords[user], name: `test-${user}` });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async waitUp(): Promise<void> {
    for (let attempt = 0; attempt < 100; attempt++) {
      if (this.child.exitCode !== null) throw new Error(`nats-server exited with ${this.child.exitCode}: ${this.stderr.trim()}`);
      const nc = await this.connect('ops').catch(() => undefined);
      if (nc) return nc.close();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('nats-server did not start');
  }
}

function natsServerBinary(): string {
  return ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'].find(existsSync) ?? 'nats-server';
}
