import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { startDelivery } from '../apps/delivery/src/delivery.app.js';
import { axeViolations, openBrowser, screenshot, type TestBrowser } from './harness/browser.js';
import { TEST_API_KEY, TestPipeline } from './harness/pipeline.js';
import { EXAMPLE_PAGE, exampleAsEditorArticle, fixtureBytes, fixtureText } from './harness/fixtures.js';
import { eventually } from './harness/subscriptions.js';

const REPORTER_KEY = 'reporter-key-0123456789abcdef';
const AGENCY_KEY = 'agency-wire-key-0123456789abcdef';
const PIPELINE_MS = 60_000;

/** The desk as an editor uses it, in headless Chromium, against the three services and the real NATS and Postgres. */
/** A subscriber's endpoint on loopback: it refuses its first delivery for good (410), then takes every one. */
const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
const receiver = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  req.on('end', () => {
    received.push({ headers: req.headers, body });
    res.writeHead(received.length === 1 ? 410 : 200).end();
  });
});

describe("desk: the editors' page in a browser", () => {
  let pipeline: TestPipeline;
  let delivery: NestFastifyApplication;
  let browser: TestBrowser;
  let page: Page;
  let storyId: string;
  const example = exampleAsEditorArticle();

  const deskUrl = () => pipeline.url('ingest', '/desk/');
  const expectAccessible = async (view: string) => {
    expect({ view, violations: await axeViolations(page) }).toEqual({ view, violations: [] });
    await screenshot(page, view);
  };
  const nav = (name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
  const signIn = async (target: Page, key: string) => {
    await target.goto(deskUrl());
    await target.getByLabel('API key').fill(key);
    await target.getByRole('button', { name: 'Sign in' }).click();
  };
  const status = () => page.getByTestId('story-status');

  beforeAll(async () => {
    if (!existsSync(path.resolve('dist/desk/index.html'))) execSync('npm run build:desk', { stdio: 'inherit' });
    pipeline = await TestPipeline.start({ DEPECHE_API_KEYS: `tests:${TEST_API_KEY}:admin,reporter:${REPORTER_KEY}:submit,agency:${AGENCY_KEY}:wire` });
    delivery = await startDelivery({ ...pipeline.env, SUBSCRIBER_ALLOW_PRIVATE_NETWORKS: 'true', DELIVERY_POLL_MS: '50' });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    // The page learns where the read and subscribers APIs are from ingest: restart ingest once their ports are known.
    pipeline.env.DESK_READ_API_URL = pipeline.url('publishing', '');
    pipeline.env.DESK_SUBSCRIBERS_API_URL = `http://127.0.0.1:${(delivery.getHttpServer().address() as AddressInfo).port}`;
    await pipeline.stopService('ingest');
    await pipeline.startService('ingest');
    browser = await openBrowser();
    page = browser.page;
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await delivery?.close();
    await pipeline?.close();
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
  }, 60_000);

  it("signs in with an API key kept in session storage only, and shows the key's name and scopes", async () => {
    await page.goto(deskUrl());
    await expectAccessible('signin');
    await signIn(page, TEST_API_KEY);
    await expect(page.getByTestId('key-name').textContent()).resolves.toBe('tests');
    expect(await page.getByTestId('key-scopes').textContent()).toBe('admin');
    expect(await page.evaluate(() => Object.values((globalThis as unknown as { sessionStorage: Record<string, string> }).sessionStorage))).toEqual([
      TEST_API_KEY,
    ]);
    expect((await browser.context.cookies()).length).toBe(0);
    expect(page.url()).not.toContain(TEST_API_KEY);
  }, 30_000);

  it("shows the API's field error beside an empty headline", async () => {
    await page.getByLabel('Body').fill('Un paragraphe.');
    await page.getByRole('button', { name: 'Submit' }).click();
    const error = page.locator('#write-headline-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/fewer than 1 character|no text/);
    expect(await page.getByLabel('Headline').getAttribute('aria-describedby')).toContain('write-headline-error');
    expect(await page.getByLabel('Headline').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible('write-error');
  }, 30_000);

  it(
    'submits the example article and follows it to published, with Renault and Stellantis among its organisations',
    async () => {
      await page.getByLabel('Headline').fill(example.headline);
      await page.getByLabel('Standfirst').fill(example.standfirst);
      await page.getByLabel('Body').fill(example.body);
      await page.getByLabel('Section', { exact: true }).fill(example.section);
      await page.getByLabel('Language', { exact: true }).fill('fr');
      await page.getByLabel('Byline').fill('La rédaction');
      await page.getByRole('button', { name: 'Submit' }).click();
      await page.getByText(/^published$/).waitFor({ timeout: PIPELINE_MS });
      storyId = (await page.locator('.muted').first().textContent())!;
      const organisations = page.getByTestId('tags-organisations');
      await organisations.getByRole('rowheader', { name: 'Renault', exact: true }).waitFor();
      await organisations.getByRole('rowheader', { name: 'Stellantis', exact: true }).waitFor();
      expect(await page.locator('.steps li').count()).toBeGreaterThanOrEqual(2);
      await expectAccessible('story');
    },
    PIPELINE_MS + 10_000,
  );

  it(
    'removes a wrong tag: it comes back as removed and locked, and enrichment does not put it back',
    async () => {
      const keywords = page.getByTestId('tags-keywords');
      const wrong = (await keywords.getByRole('rowheader').last().textContent())!;
      await keywords.getByRole('button', { name: `Remove ${wrong}`, exact: true }).click();
      await page.getByTestId('tags-removed').getByText(wrong).waitFor({ timeout: PIPELINE_MS });
      expect(await page.getByTestId('tags-removed').textContent()).toContain('locked');
      await status().getByText('published').waitFor({ timeout: PIPELINE_MS });
      expect(await keywords.getByRole('rowheader', { name: wrong, exact: true }).count()).toBe(0);
      const tags = await pipeline.get('publishing', `/v1/articles/${storyId}/tags`);
      expect(tags.body.removed).toEqual([expect.objectContaining({ type: 'keyword', name: wrong })]);
      expect(tags.body.keywords.map((k: { name: string }) => k.name)).not.toContain(wrong);
    },
    PIPELINE_MS * 2,
  );

  it(
    "corrects the story with a readers' note, shown in its revisions",
    async () => {
      await page.getByText('Correct', { exact: true }).and(page.locator('summary')).click();
      const form = page.locator('form').filter({ has: page.locator('#correct-note') });
      await form.getByLabel('Headline').fill(`${example.headline} (corrigé)`);
      await form.getByLabel('Correction note').fill('Une version précédente donnait un mauvais montant.');
      await form.getByRole('button', { name: 'Correct', exact: true }).click();
      const revisions = page.getByTestId('revisions');
      await revisions.getByText('Une version précédente donnait un mauvais montant.').waitFor({ timeout: PIPELINE_MS });
      expect(await revisions.getByRole('cell', { name: 'correct', exact: true }).count()).toBe(1);
      const article = await pipeline.get('publishing', `/v1/articles/${storyId}`);
      expect(article.body.headlines[0].value).toBe(`${example.headline} (corrigé)`);
      expect(article.body.descriptions).toContainEqual(expect.objectContaining({ role: 'correction' }));
      // the editor's removal survived the correction
      const tags = await pipeline.get('publishing', `/v1/articles/${storyId}/tags`);
      expect(tags.body.removed).toHaveLength(1);
      await expectAccessible('story-corrected');
    },
    PIPELINE_MS + 10_000,
  );

  it('finds it in search (text, section, language, date), newest first, and opens it', async () => {
    await nav('Search');
    await page.getByLabel('Text').fill('Stellantis');
    await page.getByLabel('Section', { exact: true }).fill(example.section);
    await page.getByLabel('Language', { exact: true }).fill('fr');
    await page.getByLabel('Published from').fill(new Date(Date.now() - 86_400_000).toISOString().slice(0, 10));
    await page.getByRole('main').getByRole('button', { name: 'Search', exact: true }).click();
    const results = page.getByTestId('search-results');
    await results.getByRole('button', { name: `${example.headline} (corrigé)` }).waitFor();
    await expectAccessible('search');
    await results.getByRole('button', { name: `${example.headline} (corrigé)` }).click();
    await page.getByRole('heading', { name: new RegExp('corrigé') }).waitFor();
  }, 30_000);

  it(
    'kills it after a confirmation: the read API then answers 410',
    async () => {
      await page.getByText('Kill', { exact: true }).and(page.locator('summary')).click();
      await page.getByLabel('Reason').fill('Demande juridique');
      await page
        .locator('form')
        .filter({ has: page.locator('#kill-reason') })
        .getByRole('button', { name: 'Kill', exact: true })
        .click();
      const confirm = page.getByRole('alertdialog');
      expect(await confirm.textContent()).toContain('cannot come back');
      await confirm.getByRole('button', { name: 'Yes, kill it' }).click();
      await page.getByText('Demande juridique').waitFor({ timeout: PIPELINE_MS });
      expect(await status().textContent()).toBe('killed: Demande juridique');
      const gone = await pipeline.get('publishing', `/v1/articles/${storyId}`);
      expect(gone.status).toBe(410);
      await expectAccessible('story-killed');
    },
    PIPELINE_MS + 10_000,
  );

  it('shows agency copy with its intake outcome on the wire desk', async () => {
    await nav('Wire desk');
    await page.getByLabel('Agency document').setInputFiles({ name: 'economie-fr.txt', mimeType: 'text/plain', buffer: fixtureBytes(EXAMPLE_PAGE) });
    await page.getByRole('button', { name: 'Send to intake' }).click();
    const items = page.getByTestId('wire-items');
    await items.getByRole('cell', { name: 'new', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Send to intake' }).click();
    await items.getByRole('cell', { name: 'duplicate', exact: true }).waitFor();
  }, 30_000);

  it(
    'shows a document another key posts through the API on the open wire desk, live, and follows it to published',
    async () => {
      const guid = `urn:newsml:example.com:desk-live-${Date.now()}`;
      const story = fixtureText('iptc-newsml-g2/LISTING_1_A_NewsML-G2_News_Item.xml').replace(/guid="[^"]+"/, `guid="${guid}"`);
      const posted = await pipeline.request('ingest', '/v1/wire', {
        method: 'POST',
        headers: { authorization: `Bearer ${AGENCY_KEY}`, 'content-type': 'application/xml' },
        body: story,
      });
      expect(posted.status).toBe(202);
      const row = page.getByTestId('wire-items').getByRole('row').filter({ hasText: 'Fed to halt QE to avert "bubble"' });
      await row.waitFor({ timeout: PIPELINE_MS });
      await row.getByRole('cell', { name: 'published', exact: true }).waitFor({ timeout: PIPELINE_MS });
      expect(await row.getByRole('cell', { name: 'new', exact: true }).count()).toBe(1);
      await expectAccessible('wire');
      await row.getByRole('button', { name: 'Fed to halt QE to avert "bubble"' }).click();
      await page.getByText(/^published$/).waitFor({ timeout: PIPELINE_MS });
    },
    PIPELINE_MS + 10_000,
  );

  it('lists dead letters for an admin', async () => {
    await nav('Admin');
    await page.getByRole('heading', { name: 'Dead letters' }).waitFor();
    await page
      .getByText(/No dead letters|Redrive/)
      .first()
      .waitFor();
    await expectAccessible('admin');
  }, 30_000);

  it(
    'registers a subscriber (secret shown once), shows its refused delivery in the log, redrives it, pauses and resumes it',
    async () => {
      const subscribers = page.getByRole('region', { name: 'Subscribers' });
      await subscribers.getByText('Add a subscriber').click();
      await subscribers.getByLabel('Name').fill('Partner site');
      await subscribers.getByRole('button', { name: 'Add subscriber' }).click();
      // The API's reason, beside the field it is about.
      await page.locator('#sub-url-error').waitFor();
      expect(await subscribers.getByLabel('Endpoint').getAttribute('aria-invalid')).toBe('true');
      await expectAccessible('admin-subscriber-error');

      const { port } = receiver.address() as AddressInfo;
      await subscribers.getByLabel('Endpoint').fill(`http://127.0.0.1:${port}/hook`);
      await subscribers.getByLabel('Languages').fill('fr');
      await subscribers.getByRole('button', { name: 'Add subscriber' }).click();
      const secret = (await page.getByTestId('subscriber-secret').locator('code').textContent())!;
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      const row = page.getByTestId('subscribers').getByRole('row').filter({ hasText: 'Partner site' });
      await row.getByRole('cell', { name: 'active', exact: true }).waitFor();
      expect(await row.getByRole('cell', { name: 'fr', exact: true }).count()).toBe(1);
      await page.getByRole('button', { name: 'I have copied it' }).click();
      expect(await page.getByText(secret).count()).toBe(0);

      const published = await pipeline.post('/v1/articles', {
        ...example,
        headline: 'Les abonnés reçoivent la dépêche',
        body: `Pour les abonnés.\n${example.body}`,
      });
      expect(published.status).toBe(202);
      await eventually('the first delivery', () => received[0]);
      await row.getByRole('button', { name: 'Deliveries: Partner site' }).click();
      const log = page.getByTestId('delivery-log');
      const refused = log.getByRole('row').filter({ hasText: 'published' });
      await refused.getByRole('cell', { name: 'failed', exact: true }).waitFor({ timeout: PIPELINE_MS });
      expect(await refused.getByRole('cell', { name: 'HTTP 410', exact: true }).count()).toBe(1);
      // The list catches up at its next refresh.
      await row.getByRole('cell', { name: /^HTTP 410/ }).waitFor({ timeout: 10_000 });
      await expectAccessible('admin-subscribers');

      await refused.getByRole('button', { name: /^Redrive/ }).click();
      await refused.getByRole('cell', { name: 'delivered', exact: true }).waitFor({ timeout: PIPELINE_MS });
      // The receiver got the same delivery twice, under one webhook-id, signed with the secret the page showed.
      expect(received).toHaveLength(2);
      expect(received[1]!.headers['webhook-id']).toBe(received[0]!.headers['webhook-id']);
      const body = new Webhook(secret).verify(received[1]!.body, received[1]!.headers as Record<string, string>) as {
        type: string;
        data: { articleId: string };
      };
      expect(body).toMatchObject({ type: 'news.article.published', data: { articleId: published.body.id } });

      await row.getByRole('button', { name: 'Pause Partner site' }).click();
      await row.getByRole('cell', { name: /^paused/ }).waitFor();
      await row.getByRole('button', { name: 'Resume Partner site' }).click();
      await row.getByRole('cell', { name: 'active', exact: true }).waitFor();
    },
    PIPELINE_MS * 2,
  );

  it('speaks French', async () => {
    await page.getByLabel('Interface language').selectOption('fr');
    await page.getByRole('navigation').getByRole('button', { name: 'Rédiger' }).click();
    await page.getByLabel('Titre').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.getByRole('button', { name: 'Envoyer' }).count()).toBe(1);
    await expectAccessible('write-fr');
  }, 30_000);

  it("hides what a key's scopes do not allow", async () => {
    const reporter = await openBrowser();
    try {
      await signIn(reporter.page, REPORTER_KEY);
      await reporter.page.getByTestId('key-name').waitFor();
      const buttons = await reporter.page.getByRole('navigation').getByRole('button').allTextContents();
      expect(buttons).toEqual(['Write', 'Story', 'Search']);
    } finally {
      await reporter.close();
    }
  }, 30_000);
});
