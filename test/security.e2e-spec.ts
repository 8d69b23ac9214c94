import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import iconv from 'iconv-lite';
import { createServer, request as httpRequest, type ClientRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { subjectsFor, type ArticlePublishedV1 } from '#contracts';
import { TEST_API_KEY, TestPipeline } from './harness/pipeline.js';
import { eventually, type Collected } from './harness/subscriptions.js';

const DESK = 'desk-key-0123456789abcdef';
const WIRES = 'wire-key-0123456789abcdef';

describe('who gets in', () => {
  let pipeline: TestPipeline;
  const as = (key: string | undefined, path: string, body: unknown, contentType = 'application/json') =>
    fetch(pipeline.url('ingest', path), {
      method: 'POST',
      headers: { 'content-type': contentType, ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }).then(async (r) => ({ status: r.status, type: r.headers.get('content-type'), headers: r.headers, body: (await r.json()) as any }));
  const article = { headline: 'Titre', body: 'Texte.' };

  beforeAll(async () => {
    pipeline = await TestPipeline.start({
      DEPECHE_API_KEYS: `desk:${DESK}:submit+correct,wires:${WIRES}:wire`,
      RATE_LIMIT_PER_MINUTE: '30',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '20',
    });
  }, 60_000);

  afterAll(async () => {
    await pipeline?.close();
  }, 60_000);

  it('answers 401 problem+json without a key or with a wrong one', async () => {
    const none = await as(undefined, '/v1/articles', article);
    expect(none.status).toBe(401);
    expect(none.type).toMatch(/^application\/problem\+json/);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const wrong = await as(DESK.replace('desk', 'dusk'), '/v1/articles', article);
    expect(wrong).toMatchObject({ status: 401, body: { detail: 'The API key is not valid.' } });
  });

  it('answers 403 when the key lacks the scope, and lets the right key in', async () => {
    expect((await as(WIRES, '/v1/articles', article)).body).toMatchObject({ status: 403, detail: 'The key "wires" does not hold the "submit" scope.' });
    expect((await as(DESK, '/v1/wire', 'Section\nTitre\nChapeau\nCorps.', 'text/plain')).status).toBe(403);
    expect((await as(DESK, '/v1/articles', article)).status).toBe(202);
    expect((await as(WIRES, '/v1/wire', 'Section\nTitre\nChapeau\nCorps.', 'text/plain')).status).toBe(202);
    expect((await as(DESK, '/v1/feeds', { url: 'https://example.com/feed.xml' })).status).toBe(403);
  });

  it('keeps health and, by default, the read API public', async () => {
    expect((await fetch(pipeline.url('ingest', '/health/live'))).status).toBe(200);
    expect((await fetch(pipeline.url('publishing', '/v1/articles'))).status).toBe(200);
  });

  it('limits the public read API per client address (429 with Retry-After), never health', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await fetch(pipeline.url('publishing', '/v1/articles?limit=1'))).status);
    expect(statuses.slice(0, 15).every((s) => s === 200)).toBe(true);
    const limited = await fetch(pipeline.url('publishing', '/v1/feeds/sections/economie.atom'));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await fetch(pipeline.url('publishing', '/health/live'))).status).toBe(200);
  });

  it('answers 429 with Retry-After once a key is over its rate', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) statuses.push((await as(DESK, '/v1/articles', { headline: 'x', body: 'y'.repeat(0) })).status);
    expect(statuses).toContain(429);
    const limited = await as(DESK, '/v1/articles', article);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.title).toBe('Too Many Requests');
    // Another key keeps its own allowance.
    expect((await as(WIRES, '/v1/wire', 'Section\nAutre titre\nChapeau\nCorps.', 'text/plain')).status).toBe(202);
  });

  it('counts refused requests too: a key sending what its scope does not allow is over its rate like any other', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) statuses.push((await as(WIRES, '/v1/articles', article)).status);
    expect(statuses.slice(0, 20).every((s) => s === 403)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('authentication before the body is read', () => {
  let pipeline: TestPipeline;
  const EDITOR_ONLY = 'editor-only-key-0123456789abcdef';

  beforeAll(async () => {
    pipeline = await TestPipeline.start({
      UNAUTHENTICATED_RATE_LIMIT_PER_MINUTE: '6',
      MAX_BODY_BYTES: String(100 * 1024 * 1024),
      DEPECHE_API_KEYS: `tests:${TEST_API_KEY}:admin,editor:${EDITOR_ONLY}:submit`,
    });
  }, 60_000);

  afterAll(() => pipeline?.close(), 60_000);

  it('answers 401 to a large anonymous upload before the client has finished sending it', async () => {
    const declared = 50 * 1024 * 1024;
    const { status, type, sent } = await uploadUntilAnswered(pipeline.url('ingest', '/v1/wire'), declared, {});
    expect({ status, type }).toEqual({ status: 401, type: expect.stringMatching(/^application\/problem\+json/) });
    // The answer came while most of the declared body was still unsent: the server never waited for it.
    expect(sent).toBeLessThan(declared / 4);
  });

  it("answers 403 to a large upload whose key lacks the route's scope, before the client has finished sending it", async () => {
    const declared = 50 * 1024 * 1024;
    const { status, sent } = await uploadUntilAnswered(pipeline.url('ingest', '/v1/wire'), declared, { authorization: `Bearer ${EDITOR_ONLY}` });
    expect(status).toBe(403);
    expect(sent).toBeLessThan(declared / 4);
  });

  it('answers 401, not 400, to a malformed body without a key', async () => {
    const response = await fetch(pipeline.url('ingest', '/v1/articles'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"headline": ',
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as any).title).toBe('Unauthorized');
    // With a key, the same body is parsed and refused for what it is.
    expect((await pipeline.post('/v1/articles', '{"headline": ')).status).toBe(400);
  });

  it('limits requests without a valid key per client address (429), and lets keyed requests through', async () => {
    const anonymous = () =>
      fetch(pipeline.url('ingest', '/v1/articles'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-key-0123456789' },
        body: '{}',
      });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await anonymous()).status);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s !== 429).every((s) => s === 401)).toBe(true);
    const limited = await anonymous();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await fetch(pipeline.url('ingest', '/v1/feeds'))).status).toBe(429);
    expect((await pipeline.post('/v1/articles', { headline: 'Avec une clé', body: 'Texte.' })).status).toBe(202);
    expect((await fetch(pipeline.url('ingest', '/health/live'))).status).toBe(200);
  });
});

describe('client addresses behind a load balancer (TRUST_PROXY)', () => {
  let pipeline: TestPipeline;

  beforeAll(async () => {
    // The test client is the "proxy": requests come from 127.0.0.1, which TRUST_PROXY names.
    pipeline = await TestPipeline.start({ UNAUTHENTICATED_RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: '127.0.0.1' });
  }, 60_000);

  afterAll(() => pipeline?.close(), 60_000);

  const anonymous = (forwardedFor: string) => fetch(pipeline.url('ingest', '/v1/feeds'), { headers: { 'x-forwarded-for': forwardedFor } });

  it('gives each client the proxy forwards an allowance of its own, instead of one shared by all', async () => {
    const first: number[] = [];
    for (let i = 0; i < 4; i++) first.push((await anonymous('203.0.113.7')).status);
    expect(first).toEqual([401, 401, 401, 429]);
    expect((await anonymous('198.51.100.9')).status).toBe(401);
  });

  it('ignores X-Forwarded-For from anyone TRUST_PROXY does not name', async () => {
    const untrusted = await TestPipeline.start({ UNAUTHENTICATED_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await fetch(untrusted.url('ingest', '/v1/feeds'), { headers: { 'x-forwarded-for': `192.0.2.${i}` } })).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await untrusted.close();
    }
  }, 60_000);
});

describe('who may change a story', () => {
  let pipeline: TestPipeline;
  const KEYS = {
    politique: 'politique-key-0123456789abcdef',
    sport: 'sport-key-0123456789abcdef',
    rival: 'rival-key-0123456789abcdef',
    wires: 'wires-key-0123456789abcdef',
    deskWire: 'desk-wire-key-0123456789abcdef',
    ops: TEST_API_KEY,
  };
  const as = (key: string, method: string, path: string, body: unknown, contentType = 'application/json') =>
    fetch(pipeline.url('ingest', path), {
      method,
      headers: { 'content-type': contentType, authorization: `Bearer ${key}` },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }).then(async (r) => ({
      status: r.status,
      type: r.headers.get('content-type'),
      body: (await r.json()) as any,
    }));
  const version = { headline: 'Nouvelle version', body: 'Texte revu.' };
  const change = (key: string, id: string) => ({
    put: () => as(key, 'PUT', `/v1/articles/${id}`, version),
    correct: () => as(key, 'POST', `/v1/articles/${id}/corrections`, { ...version, note: 'Corrigé.' }),
    kill: () => as(key, 'POST', `/v1/articles/${id}/kill`, { reason: 'Retiré.' }),
  });
  let editorStory: string;
  let agencyCopy: string;

  beforeAll(async () => {
    pipeline = await TestPipeline.start({
      DEPECHE_API_KEYS: [
        `politique:${KEYS.politique}:submit+correct+kill:lemonde`,
        `sport:${KEYS.sport}:submit+correct+kill:lemonde`,
        `rival:${KEYS.rival}:submit+correct+kill:lefigaro`,
        `wires:${KEYS.wires}:wire`,
        `desk-wire:${KEYS.deskWire}:submit+wire+correct+kill:lemonde`,
        `ops:${KEYS.ops}:admin`,
      ].join(','),
    });
    editorStory = (await as(KEYS.politique, 'POST', '/v1/articles', { headline: 'Le budget voté', body: 'Texte.', source: 'lemonde', externalId: 'budget-1' }))
      .body.id;
    const wire = await as(KEYS.wires, 'POST', '/v1/wire', 'Économie\nLa Bourse progresse\nChapeau\nCorps.', 'text/plain');
    agencyCopy = wire.body.items[0].articleId;
  }, 60_000);

  afterAll(() => pipeline?.close(), 60_000);

  it('lets the newsroom that submitted a story change it, with any of its keys', async () => {
    expect((await change(KEYS.politique, editorStory).put()).status).toBe(202);
    expect((await change(KEYS.sport, editorStory).put()).status).toBe(202);
    expect((await change(KEYS.sport, editorStory).correct()).status).toBe(202);
  });

  it('refuses another newsroom with 403 problem+json, for an update, a correction and a kill', async () => {
    for (const attempt of Object.values(change(KEYS.rival, editorStory))) {
      const refused = await attempt();
      expect(refused).toMatchObject({ status: 403, type: expect.stringMatching(/^application\/problem\+json/) });
      expect(refused.body.detail).toBe('The story belongs to the newsroom "lemonde", not to "lefigaro" of the key "rival".');
    }
    // Nor through the back door of the same source + externalId.
    const takeover = await as(KEYS.rival, 'POST', '/v1/articles', { headline: 'Détourné', body: 'Texte.', source: 'lemonde', externalId: 'budget-1' });
    expect(takeover.status).toBe(403);
  });

  it('keeps agency copy to keys with the wire scope', async () => {
    for (const attempt of Object.values(change(KEYS.politique, agencyCopy))) {
      const refused = await attempt();
      expect(refused.status).toBe(403);
      expect(refused.body.detail).toMatch(/agency copy: changing it needs the "wire" scope/);
    }
    expect((await change(KEYS.deskWire, agencyCopy).put()).status).toBe(202);
    expect((await change(KEYS.deskWire, agencyCopy).correct()).status).toBe(202);
    // A wire-only key has no submit scope: the route itself refuses it.
    expect((await change(KEYS.wires, editorStory).put()).status).toBe(403);
  });

  it("keeps editors' stories out of reach of agency copy sent under the same guid", async () => {
    const rss = `<rss version="2.0"><channel><title>t</title><item><guid>budget-1</guid><title>Écrasé</title><description>Par le fil.</description></item></channel></rss>`;
    const receipt = await as(KEYS.wires, 'POST', '/v1/wire?source=lemonde', rss, 'application/rss+xml');
    expect(receipt.status).toBe(202);
    expect(receipt.body.items[0]).toMatchObject({ outcome: 'rejected', reason: expect.stringMatching(/editors submitted/) });
    // The editors' second version makes any agency copy under that guid (version 1) "stale": it must not set the story's status either.
    const second = await as(KEYS.politique, 'POST', '/v1/articles', {
      headline: 'Le budget voté, version 2',
      body: 'Texte complété.',
      source: 'lemonde',
      externalId: 'budget-1',
    });
    expect(second.body.id).toBe(editorStory);
    await eventually(
      'the second version published',
      async () => (await as(KEYS.politique, 'GET', `/v1/articles/${editorStory}/status`, undefined)).body.status === 'published' || undefined,
    );
    expect((await as(KEYS.wires, 'POST', '/v1/wire?source=lemonde', rss, 'application/rss+xml')).body.items[0]).toMatchObject({
      outcome: 'rejected',
      reason: expect.stringMatching(/editors submitted/),
    });
    const status = await as(KEYS.politique, 'GET', `/v1/articles/${editorStory}/status`, undefined);
    expect(status.body.status).not.toMatch(/stale|killed/);
  });

  it("keeps a source name to the keys allowed to send under it: an editor key cannot claim an agency's guid nor another key's idempotency keys", async () => {
    const squatted = await as(KEYS.politique, 'POST', '/v1/articles', { headline: 'Squat', body: 'Texte.', source: 'afp', externalId: 'afp-2026-future' });
    expect(squatted).toMatchObject({ status: 403, body: { detail: expect.stringMatching(/source "afp" is reserved/) } });
    const namespace = await as(KEYS.politique, 'POST', '/v1/articles', {
      headline: 'Squat',
      body: 'Texte.',
      source: 'idempotency-key:sport',
      externalId: 'k1',
    });
    expect(namespace.status).toBe(403);
    // The agency's own copy under that guid is then new, not refused.
    const rss = `<rss version="2.0"><channel><title>t</title><item><guid>afp-2026-future</guid><title>Vraie dépêche</title><description>Texte.</description></item></channel></rss>`;
    expect((await as(KEYS.wires, 'POST', '/v1/wire?source=afp', rss, 'application/rss+xml')).body.items[0].outcome).toBe('new');
  });

  it('lets admin change anything', async () => {
    expect((await change(KEYS.ops, editorStory).put()).status).toBe(202);
    expect((await change(KEYS.ops, agencyCopy).kill()).status).toBe(202);
    expect((await change(KEYS.ops, editorStory).kill()).status).toBe(202);
  });
});

describe('hostile input', () => {
  let pipeline: TestPipeline;
  let published: Collected<ArticlePublishedV1>;
  const wire = (body: string | Buffer, contentType: string, query = '') =>
    pipeline
      .request('ingest', `/v1/wire${query}`, { method: 'POST', headers: { 'content-type': contentType }, body })
      .then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
  const publishedArticle = (id: string) => eventually(`article ${id} published`, () => published.events.find((e) => e.data.article.id === id)?.data.article);

  beforeAll(async () => {
    pipeline = await TestPipeline.start();
    published = pipeline.collect(subjectsFor(pipeline.ns.namespace).lifecycle.published);
  }, 60_000);

  afterAll(() => pipeline?.close(), 60_000);

  it('refuses a billion-laughs document quickly', async () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><rss><channel><title>&lol9;</title></channel></rss>`;
    const started = Date.now();
    const response = await wire(lol, 'application/xml');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(response.status).toBe(422);
    expect(['doctype-forbidden', 'entity-expansion']).toContain(response.body.code);
  });

  it('refuses deeply nested XML and JSON', async () => {
    const xml = `<?xml version="1.0"?><rss>${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</rss>`;
    expect((await wire(xml, 'application/xml')).body.code).toBe('too-deep');
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const json = `{"uri":"urn:test:deep","headline":"Profond","body_text":"Texte","$schema":"http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json","extra":${deep}}`;
    const response = await wire(json, 'application/json');
    expect(response.status).toBe(422);
    expect(response.body.code).toMatch(/too-deep|schema-invalid/);
    expect((await pipeline.post('/v1/articles', json)).status).toBe(400);
  });

  it('reads wrong and mixed charsets right: UTF-8 declared as Latin-1, KOI8-R, undeclared Latin-1', async () => {
    const feed = (title: string, encoding: string) =>
      `<?xml version="1.0" encoding="${encoding}"?><rss version="2.0"><channel><title>t</title><item><guid>${encoding}-${title.length}</guid><title>${title}</title><description>${title} — texte.</description></item></channel></rss>`;
    const mislabelled = await wire(Buffer.from(feed('Élections à Besançon', 'ISO-8859-1'), 'utf8'), 'application/rss+xml');
    expect(mislabelled.body.items[0].headline).toBe('Élections à Besançon');
    const russian = await wire(iconv.encode(feed('Выборы в Москве', 'KOI8-R'), 'koi8-r'), 'application/rss+xml');
    expect(russian.body.items[0].headline).toBe('Выборы в Москве');
    const undeclared = await wire(iconv.encode('Économie\nLa Bourse de Besançon progresse\nChapeau été\nCorps du texte.', 'latin1'), 'text/plain');
    expect(undeclared.body.items[0].headline).toBe('La Bourse de Besançon progresse');
  });

  it('keeps HTML and script out of every text field, from editors and from wires', async () => {
    const attack = '<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a>';
    const receipt = await pipeline.post('/v1/articles', {
      headline: `Titre ${attack}`,
      standfirst: `Chapeau ${attack}`,
      body: `<p>Corps</p>${attack}<p onclick="alert(4)">Suite</p>`,
      byline: `Par ${attack}`,
      section: `Économie ${attack}`,
    });
    expect(receipt.status).toBe(202);
    const fromEditor = await publishedArticle(receipt.body.id);
    const rss = `<rss version="2.0"><channel><title>t</title><item><guid>xss-1</guid><title><![CDATA[Titre ${attack}]]></title><description><![CDATA[<p>Corps</p>${attack}]]></description><author>${attack.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`)}</author></item></channel></rss>`;
    const fromWire = await publishedArticle((await wire(rss, 'application/rss+xml')).body.items[0].articleId);
    for (const article of [fromEditor, fromWire]) {
      const serialized = JSON.stringify(article);
      expect(serialized).not.toMatch(/<script|onerror|onclick|javascript:/i);
      expect(article.headline).toMatch(/^Titre/);
      expect(article.bodyText).toContain('Corps');
    }
    expect(fromEditor).toMatchObject({ standfirst: 'Chapeau x', byline: 'Par x', section: 'Économie x' });
  }, 30_000);

  it('refuses path traversal in the source name and in feed URLs', async () => {
    const traversal = await wire('Section\nTitre\nChapeau\nCorps.', 'text/plain', '?source=../../etc/passwd');
    expect(traversal.status).toBe(400);
    expect(traversal.body.errors[0].field).toBe('source');
    const feed = await pipeline.request('ingest', '/v1/feeds', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'file:///../../etc/passwd' }),
    });
    expect(feed.status).toBe(400);
  });

  it('refuses feeds on private and link-local addresses (SSRF)', async () => {
    const literals = [
      'http://[::127.0.0.1]/',
      'http://[64:ff9b::7f00:1]/',
      'http://[fec0::1]/',
      'http://[::ffff:7f00:1]/',
      'http://[64:ff9b::a9fe:a9fe]/latest/meta-data/',
    ];
    for (const url of [
      'http://127.0.0.1:3000/v1/feeds',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]/',
      'http://10.0.0.8/rss',
      'http://localhost:4222/',
      ...literals,
    ]) {
      const response = await pipeline.request('ingest', '/v1/feeds', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url }),
      });
      expect({ url, status: response.status }).toEqual({ url, status: 400 });
    }
  });
});

describe('feeds on private addresses once they are no longer allowed', () => {
  let pipeline: TestPipeline;
  let server: Server;
  let polls = 0;

  beforeAll(async () => {
    server = createServer((_request, response) => {
      polls++;
      response.setHeader('content-type', 'application/rss+xml');
      response.end(
        `<rss version="2.0"><channel><title>t</title><item><guid>private-${polls}</guid><title>Titre ${polls}</title><description>Texte.</description></item></channel></rss>`,
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    pipeline = await TestPipeline.start({ FEED_ALLOW_PRIVATE_NETWORKS: 'true', FEED_MIN_INTERVAL_SECONDS: '1' });
  }, 60_000);

  afterAll(async () => {
    await pipeline?.close();
    await new Promise((resolve) => server?.close(resolve));
  }, 60_000);

  it('disables stored feeds on private addresses when FEED_ALLOW_PRIVATE_NETWORKS goes from true to false', async () => {
    const { port } = server.address() as AddressInfo;
    const register = (url: string) =>
      pipeline.request('ingest', '/v1/feeds', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url, intervalSeconds: 1 }),
      });
    expect((await register(`http://127.0.0.1:${port}/feed.xml`)).status).toBe(201);
    await eventually('the feed polled while private networks are allowed', () => polls > 0 || undefined);

    await pipeline.stopService('ingest');
    pipeline.env.FEED_ALLOW_PRIVATE_NETWORKS = 'false';
    await pipeline.startService('ingest');
    const feeds = (await pipeline.get('ingest', '/v1/feeds')).body.items;
    expect(feeds[0].disabled).toBe('not polled: the URL points to a private or local address and FEED_ALLOW_PRIVATE_NETWORKS is false');
    const before = polls;
    // Several poll intervals go by without a request reaching the private address.
    await new Promise((resolve) => setTimeout(resolve, 3500));
    expect(polls).toBe(before);
  }, 60_000);
});

describe('read API access', () => {
  let pipeline: TestPipeline;

  beforeAll(async () => {
    pipeline = await TestPipeline.start({ READ_API_REQUIRES_KEY: 'true' });
  }, 60_000);

  afterAll(() => pipeline?.close(), 60_000);

  it('wants a key when READ_API_REQUIRES_KEY=true', async () => {
    const anonymous = await fetch(pipeline.url('publishing', '/v1/articles'));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await pipeline.get('publishing', '/v1/articles')).status).toBe(200);
    expect((await fetch(pipeline.url('publishing', '/health/ready'))).status).toBe(200);
  });
});

describe('load shedding', () => {
  let pipeline: TestPipeline;

  beforeAll(async () => {
    // Saturation as a small delay over short samples, and a short request timeout, so the test can provoke both.
    pipeline = await TestPipeline.start({ LOAD_SHEDDING_MAX_EVENT_LOOP_DELAY_MS: '20', LOAD_SHEDDING_SAMPLE_MS: '50', REQUEST_IDLE_TIMEOUT_MS: '1500' });
  }, 60_000);

  afterAll(() => pipeline?.close(), 60_000);

  /** The services run in this process: holding its event loop is what a CPU-bound burst does to them. */
  const saturate = (ms: number) => {
    const until = Date.now() + ms;
    while (Date.now() < until);
  };
  const whileSaturated = (what: string, request: () => Promise<Response>) =>
    eventually(
      what,
      async () => {
        saturate(300);
        const answer = await request();
        return answer.status === 503 ? answer : undefined;
      },
      10_000,
    );

  it('answers 503 problem+json with Retry-After while the event loop is saturated, health excepted, and recovers', async () => {
    const submit = () =>
      pipeline.request('ingest', '/v1/articles', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ headline: 'Pendant la rafale', body: 'Texte.' }),
      });
    const refused = await whileSaturated('a request refused while ingest is saturated', submit);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toMatchObject({ status: 503, title: 'Service Unavailable', detail: expect.stringContaining('The service is saturated') });
    saturate(300);
    expect((await fetch(pipeline.url('ingest', '/health/ready'))).status).toBe(200);

    const accepted = await eventually(
      'a request accepted once the load is gone',
      async () => {
        const answer = await pipeline.post('/v1/articles', { headline: 'Après la rafale', body: 'Texte.' });
        return answer.status === 202 ? answer : undefined;
      },
      10_000,
    );
    expect(accepted.body.id).toEqual(expect.any(String));
  });

  it('sheds load on the public read API too, health excepted', async () => {
    const refused = await whileSaturated('a read refused while publishing is saturated', () => fetch(pipeline.url('publishing', '/v1/articles?limit=1')));
    expect(refused.headers.get('retry-after')).toBe('1');
    saturate(300);
    expect((await fetch(pipeline.url('publishing', '/health/ready'))).status).toBe(200);
    await eventually('reads answered again', async () => (await fetch(pipeline.url('publishing', '/v1/articles?limit=1'))).status === 200 || undefined, 10_000);
  });

  it('closes a request whose body stopped arriving, so it cannot hold its socket for ever', async () => {
    const started = Date.now();
    await new Promise<void>((resolve) => holdRequest(pipeline.url('ingest', '/v1/articles')).on('close', () => resolve()));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
  }, 15_000);
});

/** A POST whose headers are sent and whose body is left unfinished, so the server holds it open. */
function holdRequest(url: string): ClientRequest {
  const request = httpRequest(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': '1000', authorization: `Bearer ${TEST_API_KEY}` },
  });
  request.on('error', () => undefined); // destroyed on purpose
  request.write('{"headline":');
  return request;
}

/** Sends a body of `declared` bytes in chunks until the server answers; how much was sent by then. */
function uploadUntilAnswered(url: string, declared: number, headers: Record<string, string>): Promise<{ status: number; type?: string; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const request = httpRequest(
      url,
      { method: 'POST', headers: { 'content-type': 'application/xml', 'content-length': String(declared), ...headers } },
      (response) => {
        answered = true;
        response.resume();
        resolve({ status: response.statusCode ?? 0, type: response.headers['content-type'], sent });
        request.destroy();
      },
    );
    request.on('error', (error) => (answered ? undefined : reject(error)));
    const pump = () => {
      if (answered || sent >= declared) return;
      sent += chunk.length;
      request.write(chunk);
      setTimeout(pump, 2);
    };
    // The first chunk, then a second for the server to answer (one that reads bodies first cannot); then the rest.
    sent += chunk.length;
    request.write(chunk);
    setTimeout(pump, 1000);
  });
}
