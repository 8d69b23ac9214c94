import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium (`.ci/run` installs it): playwright-core drives it and downloads no browser of its own. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const ARTIFACTS = path.resolve(process.cwd(), 'test/artifacts');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Headless Chromium on a fresh profile, in English unless told; CSP bypassed only so that axe-core can be injected. */
export async function openBrowser(locale = 'en-GB'): Promise<TestBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'desk-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    locale,
    bypassCSP: true,
    viewport: { width: 1280, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface AxeViolation {
  id: string;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** axe-core's WCAG checks on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    // Runs in the page, where axe-core was injected (this file is compiled without the DOM types).
    const page = globalThis as unknown as { axe: { run(context: unknown): Promise<{ violations: AxeViolation[] }> }; document: unknown };
    return page.axe.run(page.document);
  });
  return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
}

/** Full-page screenshot kept as a test artefact (test/artifacts, not committed). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `desk-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
