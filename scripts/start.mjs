// `npm start` (and `npm run dev`): build, make sure NATS and Postgres answer (local ones under .data/ when
// nothing does, outside production), then run the services with prefixed logs. SIGTERM, SIGINT or SIGHUP
// stops everything it started: the services drain first, then the local Postgres and nats-server.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import concurrently from 'concurrently';
import { ensureNats, ensurePostgres } from './local-services.mjs';
import { requireDeclaredNode } from './node-version.mjs';

const root = path.resolve(import.meta.dirname, '..');
requireDeclaredNode('npm start');
// SKIP_BUILD: the caller has just built (the test runner does).
if (!process.env.SKIP_BUILD) execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });

const stops = [];
try {
  stops.push(await ensurePostgres(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/depeche'));
  stops.push(await ensureNats(process.env.NATS_URL ?? 'nats://127.0.0.1:4222'));
} catch (error) {
  console.error(error.message);
  await stopAll();
  process.exit(1);
}

// The ingest API needs keys; for a local run without any, make one with every scope and say so.
if (!process.env.DEPECHE_API_KEYS) {
  const secret = randomBytes(18).toString('base64url');
  process.env.DEPECHE_API_KEYS = `dev:${secret}:admin`;
  console.log(`No DEPECHE_API_KEYS set: this run accepts the development key below (all scopes).\n  export DEPECHE_API_KEY=${secret}\n`);
}

// The services' output goes through concurrently, so they cannot see the terminal themselves: tell them.
const pretty = process.stdout.isTTY || process.env.npm_lifecycle_event === 'dev';
// As the image runs them (Dockerfile): a heap cap that keeps each service near 200 MB resident under load.
const env = { NODE_OPTIONS: '--max-old-space-size=384 --max-semi-space-size=16', LOG_FORMAT: pretty ? 'pretty' : 'json', ...process.env };
// exec: the shell concurrently starts gives way to the service, so signals reach the service itself.
const service = (name, color) => ({ name, prefixColor: color, command: `exec "${process.execPath}" dist/apps/${name}/src/main.js`, cwd: root, env });
const { result, commands } = concurrently(
  [service('publishing', 'magenta'), service('delivery', 'yellow'), service('enrichment', 'cyan'), service('ingest', 'green')],
  {
    killOthersOn: ['failure'],
    prefix: '{name}',
    padPrefix: true,
  },
);
// SIGTERM, SIGINT, SIGHUP: concurrently passes the signal on to the services, which drain; once they have all
// exited, `result` settles and the local Postgres and nats-server stop below. These listeners only keep this
// process alive until then (a signal's default action would end it at once, leaving the servers running).
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => undefined);
// npm does not pass every signal on (SIGHUP ends it at once): orphaned, this process stops everything as if signalled.
const parent = process.ppid;
const orphaned = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(orphaned); // once: a second signal would end the services without their drain
  for (const command of commands) command.kill('SIGTERM');
}, 500).unref();
// With npm or the terminal gone, writing to them fails: that must not end the cleanup halfway.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
const code = await result.then(
  () => 0,
  () => 1,
);
await stopAll();
process.exit(code);

async function stopAll() {
  for (const stop of stops.filter(Boolean).reverse()) await stop().catch((error) => console.error(error.message));
}
