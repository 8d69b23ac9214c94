// After `vite build`: loads the built desk in headless Chromium and reports its first render time
// (navigation start to the first painted view, the page's own "desk-first-render" mark). Without
// Chromium (install Debian's chromium) it says so and the build goes on: the size budget is enforced either way.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');
const desk = path.join(root, 'dist', 'desk');
const reportFile = path.join(root, 'dist', 'desk-report.json');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

/** The built files under /desk, and the config ingest would serve. */
function serve() {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/desk/config.json') return response.writeHead(200, { 'content-type': 'application/json' }).end('{"readApiUrl":""}');
    const relative = url.pathname.replace(/^\/desk\/?/, '') || 'index.html';
    const file = path.join(desk, path.normalize(relative));
    if (!file.startsWith(desk) || !existsSync(file)) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function firstRenderMs() {
  const { chromium } = await import('playwright-core');
  const server = await serve();
  const profile = mkdtempSync(path.join(tmpdir(), 'desk-render-'));
  const browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    const runs = [];
    for (let run = 0; run < 5; run++) {
      await page.goto(`http://127.0.0.1:${server.address().port}/desk/`);
      await page.waitForFunction(() => performance.getEntriesByName('desk-first-render').length > 0);
      runs.push(await page.evaluate(() => performance.getEntriesByName('desk-first-render')[0].startTime));
    }
    return runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  } finally {
    await browser.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

if (!existsSync(CHROMIUM)) {
  console.log(`desk: first render not measured: no Chromium at ${CHROMIUM}`);
} else {
  const ms = await firstRenderMs();
  const report = existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, 'utf8')) : {};
  writeFileSync(reportFile, JSON.stringify({ ...report, firstRenderMs: Math.round(ms) }, null, 2));
  console.log(`desk: first render ${ms.toFixed(0)} ms (median of 5 loads, headless Chromium, sign-in view)`);
}
