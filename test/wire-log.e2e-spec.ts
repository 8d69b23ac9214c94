import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openEventStream, type EventStream } from './harness/event-stream.js';
import { fixtureText } from './harness/fixtures.js';
import { AUTH, TestPipeline } from './harness/pipeline.js';
import { eventually } from './harness/subscriptions.js';

const NEWSML_G2 = fixtureText('iptc-newsml-g2/LISTING_1_A_NewsML-G2_News_Item.xml');
const AGENCY_KEY = 'agency-wire-key-0123456789abcdef';
const LEMONDE_KEY = 'lemonde-submit-key-0123456789ab';
const LEFIGARO_KEY = 'lefigaro-submit-key-0123456789a';
const KILL_KEY = 'kill-only-key-0123456789abcdef';
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe('the intake log: GET /v1/wire/items and its live stream', () => {
  let pipeline: TestPipeline;
  const streams: EventStream[] = [];

  const post = async (body: string, contentType: string, key?: string, query = '') => {
    const response = await pipeline.request('ingest', `/v1/wire${query}`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...(key ? bearer(key) : {}) },
      body,
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const items = async (query = '', key?: string) => {
    const response = await pipeline.request('ingest', `/v1/wire/items${query}`, key ? { headers: bearer(key) } : {});
    return { status: response.status, body: (await response.json()) as any };
  };
  const stream = async (query = '', headers: Record<string, string> = AUTH) => {
    const opened = await openEventStream(pipeline.url('ingest', `/v1/wire/items/stream${query}`), headers);
    streams.push(opened);
    return opened;
  };
  const unique = (text: string, tag: string) => text.replace(/guid="[^"]+"/, `guid="urn:newsml:example.com:log:${tag}-${Date.now()}"`);

  beforeAll(async () => {
    pipeline = await TestPipeline.start({
      DEPECHE_API_KEYS: [
        `tests:${AUTH.authorization.slice(7)}:admin`,
        `agency:${AGENCY_KEY}:wire:lemonde`,
        `lemonde-desk:${LEMONDE_KEY}:submit:lemonde`,
        `lefigaro-desk:${LEFIGARO_KEY}:submit:lefigaro`,
        `killer:${KILL_KEY}:kill`,
      ].join(','),
    });
  }, 60_000);

  afterAll(async () => {
    for (const s of streams) await s.close();
    await pipeline?.close();
  }, 60_000);

  it('lists every item newest first with its outcome, reason and the article status now', async () => {
    const story = unique(NEWSML_G2, 'story');
    const first = await post(story, 'application/xml', AGENCY_KEY);
    const id: string = first.body.items[0].articleId;
    await post(story, 'application/xml', AGENCY_KEY);
    const unreadable = await post('<nitf><body><body.content><p>cut', 'application/xml', AGENCY_KEY);
    expect(unreadable.status).toBe(422);

    const page = await items('?limit=3');
    expect(page.status).toBe(200);
    expect(page.body.items.map((i: any) => i.outcome)).toEqual(['rejected', 'duplicate', 'new']);
    expect(page.body.items[0]).toMatchObject({ channel: 'wire', key: 'agency', newsroom: 'lemonde', reason: expect.any(String) });
    expect(page.body.items[0].format).toBeUndefined();
    expect(page.body.items[2]).toMatchObject({
      articleId: id,
      channel: 'wire',
      format: 'newsml-g2',
      source: 'reuters',
      version: 11,
      headline: 'Fed to halt QE to avert "bubble"',
      language: 'en-GB',
      guid: expect.stringMatching(/^urn:newsml:example.com:log:story-/),
    });
    expect(page.body.items[1]).toMatchObject({ articleId: id, outcome: 'duplicate', reason: 'same content as already received' });
    await eventually('the published status in the log', async () =>
      (await items('?outcome=new')).body.items[0]?.status?.status === 'published' ? true : undefined,
    );
  }, 30_000);

  it('keeps a ninjs cancel that comes before its story as a tombstone, and says so in the log', async () => {
    const uri = `urn:test:ninjs:cancel-first-${Date.now()}`;
    const cancel = await post(JSON.stringify({ uri, version: '2', pubstatus: 'canceled', type: 'text' }), 'application/json', AGENCY_KEY);
    expect(cancel.body.items[0]).toMatchObject({ outcome: 'killed', reason: expect.stringMatching(/before the story arrived/) });
    const story = await post(
      JSON.stringify({ uri, version: '1', headline: 'The story', body_text: 'It happened.', type: 'text', language: 'en' }),
      'application/json',
      AGENCY_KEY,
    );
    expect(story.body.items[0]).toMatchObject({ articleId: cancel.body.items[0].articleId, outcome: 'rejected' });
    const tombstones = await items('?outcome=tombstone');
    expect(tombstones.body.items).toEqual([
      expect.objectContaining({ guid: uri, headline: `Canceled: ${uri}`, format: 'ninjs', status: expect.objectContaining({ status: 'killed' }) }),
    ]);
  }, 30_000);

  it('keeps a headline-only feed item as a brief that links to its source, and refuses one with no link', async () => {
    const link = `https://news.test/a/${Date.now()}`;
    const rss = `<rss version="2.0"><channel><title>Headlines</title><link>https://news.test/</link><language>en</language>
      <item><title>Strike called off at the port</title><link>${link}</link><description></description></item>
      <item><title>No link at all</title><guid isPermaLink="false">nolink-${Date.now()}</guid></item></channel></rss>`;
    const receipt = await post(rss, 'application/rss+xml', AGENCY_KEY, '?source=headlines');
    expect(receipt.body.items.map((i: any) => i.outcome)).toEqual(['new', 'rejected']);
    expect(receipt.body.items[1].reason).toBe('Feed item has a title but no text and no link to read it at');
    const id: string = receipt.body.items[0].articleId;
    const stored = await eventually('the brief in the read API', async () => {
      const read = await pipeline.get('publishing', `/v1/articles/${id}`);
      return read.status === 200 ? read.body : undefined;
    });
    expect(stored).toMatchObject({ headlines: [{ role: 'main', value: 'Strike called off at the port' }], genres: [{ name: 'brief', literal: 'brief' }] });
    expect(stored.altIds).toContainEqual({ role: 'source-uri', value: link });
    const lines = (await items('?source=headlines')).body.items;
    expect(lines.map((i: any) => [i.index, i.outcome])).toEqual([
      [1, 'rejected'],
      [0, 'new'],
    ]);
  }, 30_000);

  it('filters by language, pages with a cursor and refuses bad parameters with the field named', async () => {
    const english = (await items('?language=en&limit=200')).body.items;
    expect(english.length).toBeGreaterThanOrEqual(2);
    expect(english.every((i: any) => i.language?.startsWith('en'))).toBe(true);
    const all = (await items('?limit=200')).body.items.map((i: any) => i.id);
    const first = await items('?limit=2');
    const second = await items(`?limit=2&before=${first.body.next}`);
    expect([...first.body.items, ...second.body.items].map((i: any) => i.id)).toEqual(all.slice(0, 4));
    for (const [query, field] of [
      ['?limit=0', 'limit'],
      ['?outcome=lost', 'outcome'],
      ['?since=yesterday', 'since'],
      ['?before=x', 'before'],
      ['?colour=red', 'colour'],
    ]) {
      const refused = await items(query!);
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body.errors)).toContain(field!);
    }
  }, 30_000);

  it("shows a submit key its newsroom's lines only, and refuses a key with neither wire nor submit", async () => {
    expect((await items('?limit=200', LEMONDE_KEY)).body.items.length).toBeGreaterThan(0);
    expect((await items('?limit=200', LEMONDE_KEY)).body.items.every((i: any) => i.newsroom === 'lemonde')).toBe(true);
    expect((await items('', LEFIGARO_KEY)).body.items).toEqual([]);
    const refused = await items('', KILL_KEY);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/neither the "wire" nor the "submit" scope/);
  }, 30_000);

  it('streams new items and status changes live, and resumes after Last-Event-ID', async () => {
    const live = await stream('?channel=wire');
    expect(live.status).toBe(200);
    const story = unique(NEWSML_G2, 'live');
    const posted = await post(story, 'application/xml', AGENCY_KEY);
    const id: string = posted.body.items[0].articleId;
    const item = await eventually('the item event', () => live.events.find((e) => e.event === 'item' && JSON.parse(e.data).articleId === id));
    expect(JSON.parse(item.data)).toMatchObject({ outcome: 'new', format: 'newsml-g2', id: item.id });
    await eventually('its published status', () =>
      live.events.find((e) => e.event === 'status' && JSON.parse(e.data).articleId === id && JSON.parse(e.data).status === 'published'),
    );

    const again = await post(story, 'application/xml', AGENCY_KEY);
    expect(again.body.items[0].outcome).toBe('duplicate');
    const resumed = await stream('', { ...AUTH, 'last-event-id': item.id! });
    const replayed = await eventually('the missed line', () =>
      resumed.events.find((e) => e.event === 'item' && JSON.parse(e.data).outcome === 'duplicate' && JSON.parse(e.data).articleId === id),
    );
    expect(Number(replayed.id)).toBeGreaterThan(Number(item.id));
    expect(resumed.events.some((e) => e.id === item.id)).toBe(false);

    const lefigaro = await stream('', bearer(LEFIGARO_KEY));
    await post(unique(NEWSML_G2, 'unseen'), 'application/xml', AGENCY_KEY);
    await eventually('the line on the open admin stream', () => (live.events.filter((e) => e.event === 'item').length >= 3 ? true : undefined));
    expect(lefigaro.events.filter((e) => e.event === 'item')).toEqual([]);
  }, 30_000);
});
