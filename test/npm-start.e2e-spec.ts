import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './harness/services.js';
import { eventually } from './harness/subscriptions.js';

const root = path.resolve(import.meta.dirname, '..');
/** The services' default ports (npm start runs them as a laptop would). */
const SERVICE_PORTS = [3000, 3001, 3002];

/** Every live descendant of `pid`, from /proc: npm, its shell, start.mjs, the services, Postgres, nats-server. */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] !== 'Z') parents.set(Number(entry), Number(fields[1]));
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of parents) {
      if (ppid !== parent) continue;
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

const alive = (pid: number) => {
  try {
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
};

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

/**
 * What a process manager, `timeout` or a container runtime does: SIGTERM to the npm process (or SIGINT, SIGHUP). Nothing npm start
 * started may survive it, and every port it held is free again. Postgres and NATS are its own local ones (nothing
 * answers on the ports it is given), so the test sees them started and stopped.
 */
describe.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)('npm start, then %s to npm', (signal) => {
  const data = mkdtempSync(path.join(tmpdir(), 'depeche-start-'));
  chmodSync(data, 0o755); // as root, the embedded Postgres runs as the postgres user, who must reach its folder
  let npm: ChildProcess | undefined;
  let started: number[] = [];
  let output = '';

  afterAll(() => {
    for (const pid of [...started, ...(npm?.pid ? descendants(npm.pid) : [])]) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(data, { recursive: true, force: true });
  });

  it('stops the services, the embedded Postgres and nats-server, and frees their ports', async () => {
    for (const port of SERVICE_PORTS) expect({ port, busy: await listening(port) }).toEqual({ port, busy: false });
    const [postgresPort, natsPort] = [await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: `postgres://postgres@127.0.0.1:${postgresPort}/depeche`,
      NATS_URL: `nats://127.0.0.1:${natsPort}`,
      DEPECHE_DATA_DIR: data,
      SKIP_BUILD: '1',
    };
    delete env.PORT;
    npm = spawn('npm', ['start'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    npm.stdout!.on('data', (chunk: Buffer) => (output += chunk));
    npm.stderr!.on('data', (chunk: Buffer) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => npm!.once('exit', (code) => resolve(code)));

    const ready = (port: number) => async () => (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined))?.ok;
    const gaveUp = exited.then((code) => Promise.reject(new Error(`npm start exited with code ${code} before the services were ready`)));
    // All three ready: a signal in the middle of a service's start-up is not what this test is about.
    const readiness = Promise.all(['ingest', 'enrichment', 'publishing'].map((service, k) => eventually(`${service} ready`, ready(3000 + k), 120_000)));
    await Promise.race([readiness, gaveUp]).catch((error: Error) => {
      throw new Error(`${error.message}; npm start said:\n${output.slice(-4000)}`);
    });
    expect(output).toMatch(/PostgreSQL: nothing answered/);
    expect(output).toMatch(/NATS: nothing answered/);
    started = descendants(npm.pid!);
    const commands = started.map((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '));
    expect(commands.filter((c) => /dist\/apps\/(ingest|enrichment|publishing)\/src\/main\.js/.test(c))).toHaveLength(3); // no shell between
    expect(commands.some((c) => /nats-server/.test(c))).toBe(true);
    expect(commands.some((c) => /postgres/.test(c))).toBe(true);

    npm.kill(signal);
    await exited;
    const command = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
    await eventually('every process npm start started has exited', () => started.every((pid) => !alive(pid)) || undefined, 30_000).catch((error: Error) => {
      throw new Error(`${error.message}; still running: ${started.filter(alive).map(command).join(' | ')}`);
    });
    // Drained, not killed (the last lines may still be on their way through the pipe).
    const drained = () => ['ingest', 'enrichment', 'publishing'].every((service) => output.includes(`${service} stopped cleanly`)) || undefined;
    await eventually('"stopped cleanly" from each service', drained, 5_000).catch((error: Error) => {
      throw new Error(`${error.message}; npm start said:\n${output.slice(-3000)}`);
    });
    for (const port of [...SERVICE_PORTS, postgresPort, natsPort]) expect({ port, busy: await listening(port) }).toEqual({ port, busy: false });
    expect(existsSync(path.join(data, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 240_000);
});
