// The test runner behind npm test, test:corpus, test:browser and test:faults. On the declared Node it builds,
// makes sure NATS and Postgres answer (local ones when nothing does, as npm start does: the embedded Postgres,
// Debian's nats-server), runs each suite under a hard deadline, and stops whatever it started.
//   node scripts/run-tests.mjs desk unit e2e     (npm test)
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { ensureNats, ensurePostgres } from './local-services.mjs';
import { requireDeclaredNode } from './node-version.mjs';

const root = path.resolve(import.meta.dirname, '..');
const jest = ['--experimental-vm-modules', path.join(root, 'node_modules/jest/bin/jest.js')];

/**
 * What each suite runs and how long it may take on the 2-core development machine before the run is stopped.
 * The suites that start servers and processes exit when their last test is done (--forceExit, which names itself
 * in the output): a handle a failed test left open must not keep the run waiting.
 */
const SUITES = {
  desk: { minutes: 3, services: false, command: [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'apps/desk/vite.config.ts'] },
  unit: { minutes: 5, services: false, command: [...jest, '--selectProjects', 'unit'] },
  e2e: { minutes: 15, services: true, build: true, command: [...jest, '--selectProjects', 'e2e', '--forceExit'] },
  corpus: { minutes: 5, services: false, preflight: 'corpus', command: [...jest, '--selectProjects', 'corpus'] },
  browser: { minutes: 10, services: true, build: true, preflight: 'chromium', command: [...jest, '--selectProjects', 'browser', '--runInBand', '--forceExit'] },
  faults: { minutes: 35, services: false, build: true, command: [...jest, '--selectProjects', 'faults', '--runInBand', '--forceExit'] },
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in SUITES));
if (!asked.length || unknown.length) {
  console.error(`usage: node scripts/run-tests.mjs <${Object.keys(SUITES).join('|')}>…${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`);
  process.exit(2);
}
requireDeclaredNode('The test suite');
for (const name of asked) {
  const check = SUITES[name].preflight;
  if (check) execFileSync(process.execPath, [path.join(root, 'scripts/preflight.mjs'), check], { stdio: 'inherit' });
}
// The services under test run from the production build.
if (asked.some((name) => SUITES[name].build) && !process.env.SKIP_BUILD) execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });

const stops = [];
let child;
let stopping = false;
async function stopAll() {
  for (const stop of stops.splice(0).filter(Boolean).reverse()) await stop().catch((error) => console.error(error.message));
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    if (child?.pid) process.kill(-child.pid, 'SIGTERM');
    await stopAll();
    process.exit(130);
  });
}

/**
 * Runs one suite in its own process group; past its deadline the whole group is killed and the suite fails. Each test
 * file's own deadline (test/harness/deadline.ts) falls a minute earlier, so a hung file is named before the kill.
 */
function run(name) {
  const { minutes, command } = SUITES[name];
  return new Promise((resolve) => {
    console.log(`\n== ${name} (deadline ${minutes} min)`);
    child = spawn(process.execPath, command, {
      cwd: root,
      stdio: 'inherit',
      detached: true,
      env: { TEST_FILE_DEADLINE_MINUTES: String(Math.max(1, minutes - 1)), ...process.env },
    });
    const deadline = setTimeout(() => {
      console.error(`\n${name}: still running after its ${minutes}-minute deadline; stopping it`);
      process.kill(-child.pid, 'SIGKILL');
    }, minutes * 60_000);
    child.once('exit', (code, signal) => {
      clearTimeout(deadline);
      // A suite's leftovers (a server it spawned and lost) go with it.
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // the group is already gone
      }
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

let failed = [];
try {
  if (asked.some((name) => SUITES[name].services)) {
    stops.push(await ensurePostgres(process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'));
    stops.push(await ensureNats(process.env.NATS_URL ?? 'nats://127.0.0.1:4222'));
  }
  for (const name of asked) if ((await run(name)) !== 0) failed.push(name);
} catch (error) {
  console.error(error.message);
  failed = ['setup'];
} finally {
  await stopAll();
}
console.log(failed.length ? `\nfailed: ${failed.join(', ')}` : `\nall passed: ${asked.join(', ')}`);
process.exit(failed.length ? 1 : 0);
