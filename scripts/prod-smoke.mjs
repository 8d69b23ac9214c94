// The production smoke: what the image ships is what CI starts. The production install is made as the
// Dockerfile makes it (package.json, lock, dist, `npm ci --omit=dev`) in a temporary folder, and the three
// services run from it with the Dockerfile's command, NODE_ENV and NODE_OPTIONS, on the Node version of .nvmrc
// (the npm `node` package ships that binary). The seed article is posted, seen published and read back.
// Any service that exits early, or logs a module it cannot find, fails the smoke.
// Then, where a Docker engine answers, the same smoke runs against the image under `docker compose up`.
//
//   node scripts/prod-smoke.mjs        (after `npm run build`; NATS and Postgres as for the tests)
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { connect } from '@nats-io/transport-node';
import pg from 'pg';
import { bucketNames, streamNames } from '#contracts';

const root = path.resolve(import.meta.dirname, '..');
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SERVICES = ['publishing', 'enrichment', 'ingest', 'delivery'];
const MISSING_MODULE = /ERR_MODULE_NOT_FOUND|Cannot find (module|package)/;
const started = Date.now();

const log = (line) => console.log(`[prod-smoke ${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);
const fail = (line) => {
  throw new Error(line);
};

/** What the runtime stage of the Dockerfile sets: NODE_ENV, NODE_OPTIONS and the command of the ingest service. */
export function dockerRuntime(dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8')) {
  const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  const env = Object.fromEntries([...runtime.matchAll(/^ENV (\w+)=("[^"]*"|\S+)/gm)].map(([, name, value]) => [name, value.replace(/^"|"$/g, '')]));
  const cmd = JSON.parse(runtime.match(/^CMD (\[.*\])$/m)?.[1] ?? fail('the Dockerfile has no CMD ["node", …]'));
  return { env, cmd };
}

/** The Node binary of the version pinned in .nvmrc, from the npm `node` package (cached by npx). */
function pinnedNode() {
  const version = readFileSync(path.join(root, '.nvmrc'), 'utf8').trim();
  const binary = execFileSync('npx', ['-y', `node@${version}`, '-p', 'process.execPath'], { encoding: 'utf8' }).trim();
  log(`Node ${version} from the npm node package: ${binary}`);
  return binary;
}

/** package.json, the lock and dist in a fresh folder, then the production dependencies only, installed by npm on `node`. */
function productionInstall(node) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'depeche-prod-'));
  for (const file of ['package.json', 'package-lock.json']) cpSync(path.join(root, file), path.join(dir, file));
  cpSync(path.join(root, 'dist'), path.join(dir, 'dist'), { recursive: true });
  const env = { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}`, NODE_ENV: 'production' };
  const output = execFileSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (/EBADENGINE/.test(output)) fail(`npm ci --omit=dev warns EBADENGINE on ${node}:\n${output}`);
  log(`production install in ${dir}`);
  return dir;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

/** One service as the image runs it; its output is kept to tell a missing module from other failures. */
function startService(name, { node, dir, runtime, env }) {
  const [, ...args] = runtime.cmd.map((part) => part.replace('/apps/ingest/', `/apps/${name}/`));
  const child = spawn(node, args, { cwd: dir, env: { ...process.env, ...runtime.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const service = { name, child, output: '', exit: undefined };
  const keep = (chunk) => (service.output += chunk);
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  service.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve((service.exit = { code, signal }))));
  return service;
}

function checkAlive(services) {
  for (const service of services) {
    if (MISSING_MODULE.test(service.output)) fail(`${service.name} cannot find a module at run time:\n${service.output}`);
    if (service.exit) fail(`${service.name} exited (${JSON.stringify(service.exit)}):\n${service.output}`);
  }
}

async function eventually(what, probe, services = [], timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    checkAlive(services);
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) fail(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const ready = (base) => async () => ((await fetch(`${base}/health/ready`)).ok ? true : undefined);

/** The example page (fixtures/articles) as an editor submits it, posted to ingest, followed to `published`, read back from publishing. */
export async function seedRoundTrip({ ingest, publishing, apiKey }, services = []) {
  const text = readFileSync(path.resolve(root, 'fixtures/articles/economie-fr.txt'), 'utf8');
  const [section, headline, standfirst, ...rest] = text.split('\n');
  const article = {
    section,
    headline,
    standfirst,
    body: rest.slice(0, rest.indexOf('-')).join('\n'),
    source: 'prod-smoke',
    externalId: `smoke-${randomBytes(4).toString('hex')}`,
  };
  const auth = { authorization: `Bearer ${apiKey}` };
  const receipt = await fetch(`${ingest}/v1/articles`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify(article),
  });
  const { id } = await receipt.json();
  if (receipt.status !== 202 || !id) fail(`POST /v1/articles answered ${receipt.status}`);
  log(`seed article accepted: ${id}`);
  await eventually(
    'the seed article published',
    async () => {
      const status = await (await fetch(`${ingest}/v1/articles/${id}/status`, { headers: auth })).json();
      if (status.status === 'rejected') fail(`the seed article was rejected: ${JSON.stringify(status)}`);
      return status.status === 'published' ? true : undefined;
    },
    services,
  );
  const read = await fetch(`${publishing}/v1/articles/${id}`);
  const document = await read.json();
  const main = document.headlines?.find((h) => h.role === 'main')?.value;
  if (read.status !== 200 || document.uri !== `urn:depeche:article:${id}` || main !== headline)
    fail(`GET /v1/articles/${id} answered ${read.status} with ${JSON.stringify(document).slice(0, 200)}`);
  log(`published and read back: "${headline.slice(0, 60)}…" (${document.language})`);
}

async function stopServices(services) {
  for (const service of [...services].reverse()) if (!service.exit) service.child.kill('SIGTERM');
  const kill = setTimeout(() => services.forEach((s) => s.child.kill('SIGKILL')), 30_000);
  const exits = await Promise.all(services.map((s) => s.exited));
  clearTimeout(kill);
  return exits;
}

async function removeNamespace(namespace, database) {
  const nc = await connect({ servers: NATS_URL, name: `prod-smoke-${namespace}` });
  const jsm = await jetstreamManager(nc);
  for (const name of Object.values(streamNames(namespace))) await jsm.streams.delete(name).catch(() => undefined);
  for (const bucket of Object.values(bucketNames(namespace)))
    await new Kvm(nc)
      .open(bucket)
      .then((kv) => kv.destroy())
      .catch(() => undefined);
  await nc.close();
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).finally(() => client.end());
}

/** The production install started on this machine's NATS and Postgres, in a namespace and database of its own. */
async function processSmoke() {
  const node = pinnedNode();
  const dir = productionInstall(node);
  const runtime = dockerRuntime();
  const namespace = `smoke${randomBytes(4).toString('hex')}`;
  const database = `depeche_${namespace}`;
  const apiKey = randomBytes(18).toString('base64url');
  const ports = Object.fromEntries(await Promise.all(SERVICES.map(async (name) => [name, await freePort()])));
  const common = {
    NATS_URL,
    NATS_NAMESPACE: namespace,
    DATABASE_URL: PG_ADMIN_URL.replace(/\/[^/]*$/, `/${database}`),
    DEPECHE_API_KEYS: `smoke:${apiKey}:admin`,
    LOG_LEVEL: 'info',
  };
  const services = [];
  try {
    for (const name of SERVICES) {
      const service = startService(name, { node, dir, runtime, env: { ...common, PORT: String(ports[name]) } });
      services.push(service);
      await eventually(`${name} ready`, ready(`http://127.0.0.1:${ports[name]}`), services);
      log(`${name} ready on :${ports[name]} (${runtime.cmd.join(' ').replace('/ingest/', `/${name}/`)}, NODE_OPTIONS="${runtime.env.NODE_OPTIONS ?? ''}")`);
    }
    await seedRoundTrip({ ingest: `http://127.0.0.1:${ports.ingest}`, publishing: `http://127.0.0.1:${ports.publishing}`, apiKey }, services);
    checkAlive(services);
    const exits = await stopServices(services);
    const unclean = exits.map((exit, i) => [services[i].name, exit]).filter(([, exit]) => exit.code !== 0);
    if (unclean.length) fail(`not stopped cleanly by SIGTERM: ${JSON.stringify(unclean)}`);
    log('every service stopped on SIGTERM with exit code 0');
  } finally {
    await stopServices(services.filter((s) => !s.exit));
    log('clean-up: the namespace, the database and the install folder');
    await removeNamespace(namespace, database).catch((error) => log(`clean-up: ${error.message}`));
    rmSync(dir, { recursive: true, force: true });
  }
}

function dockerAnswers() {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

/** The image built and run by `docker compose up`, published ports moved to free ones so nothing on the host clashes. */
async function composeSmoke() {
  const project = `depeche-smoke-${randomBytes(3).toString('hex')}`;
  const override = path.join(mkdtempSync(path.join(os.tmpdir(), 'depeche-compose-')), 'compose.smoke.yml');
  writeFileSync(
    override,
    [
      'services:',
      '  nats: { ports: !reset [] }',
      '  ingest: { ports: !override ["127.0.0.1::3000"] }',
      '  publishing: { ports: !override ["127.0.0.1::3002"] }',
      '',
    ].join('\n'),
  );
  const apiKey = randomBytes(18).toString('base64url');
  const compose = (...args) =>
    execFileSync('docker', ['compose', '-p', project, '-f', 'docker-compose.yml', '-f', override, ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, DEPECHE_API_KEYS: `smoke:${apiKey}:admin` },
    });
  try {
    compose('up', '-d', '--build', '--wait');
    const hostPort = (service, port) => `http://${compose('port', service, String(port)).trim()}`;
    const ingest = hostPort('ingest', 3000);
    const publishing = hostPort('publishing', 3002);
    await eventually('the compose stack ready', async () => ((await ready(ingest)()) && (await ready(publishing)())) || undefined);
    await seedRoundTrip({ ingest, publishing, apiKey });
    log('docker compose: the image passes the same smoke');
  } finally {
    compose('down', '-v', '--remove-orphans');
    rmSync(path.dirname(override), { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    await processSmoke();
    if (dockerAnswers()) await composeSmoke();
    else log('no Docker engine answers `docker info`: the image build and the docker compose smoke are skipped');
    log('passed');
  } catch (error) {
    console.error(`[prod-smoke] FAILED: ${error.message}`);
    process.exit(1);
  }
}
