import { describe, expect, it, vi } from 'vitest';
import { createApi } from './api';

/** A fetch that records the Authorization header of each call and answers 401 to keyless reads when told to. */
function recorder(readNeedsKey: boolean) {
  const calls: Array<{ url: string; authorization?: string }> = [];
  const fetcher = (async (url: string, init: RequestInit = {}) => {
    const authorization = (init.headers as Record<string, string> | undefined)?.authorization;
    calls.push({ url, authorization });
    const status = url.startsWith('http://read') && readNeedsKey && !authorization ? 401 : 200;
    return new Response(JSON.stringify({ ok: status === 200 }), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { calls, fetcher };
}

const URLS = { readApiUrl: 'http://read.test', subscribersApiUrl: 'http://subscribers.test' };

describe('createApi', () => {
  it("reads a public read API without sending the editor's key", async () => {
    const { calls, fetcher } = recorder(false);
    const api = createApi('secret-key', URLS, fetcher);
    await api.read('/v1/articles');
    await api.ingest('GET', '/v1/whoami');
    expect(calls).toEqual([
      { url: 'http://read.test/v1/articles', authorization: undefined },
      { url: '/v1/whoami', authorization: 'Bearer secret-key' },
    ]);
  });

  it('calls the subscribers API at its own address, always with the key and a JSON body', async () => {
    const seen: Array<{ url: string; method?: string; headers: Record<string, string>; body?: unknown }> = [];
    const fetcher = (async (url: string, init: RequestInit = {}) => {
      seen.push({ url, method: init.method, headers: init.headers as Record<string, string>, body: init.body });
      return new Response(JSON.stringify({ id: 's1' }), { status: 201, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    const api = createApi('secret-key', URLS, fetcher);
    expect(await api.subscribers('POST', '/v1/subscribers', { name: 'Partner' })).toEqual({ id: 's1' });
    expect(seen).toEqual([
      {
        url: 'http://subscribers.test/v1/subscribers',
        method: 'POST',
        headers: { authorization: 'Bearer secret-key', 'content-type': 'application/json' },
        body: '{"name":"Partner"}',
      },
    ]);
  });

  it('sends the key to a read API that asks for one (401), from then on', async () => {
    const { calls, fetcher } = recorder(true);
    const api = createApi('secret-key', URLS, fetcher);
    expect(await api.read('/v1/articles')).toEqual({ ok: true });
    await api.read('/v1/articles/1');
    expect(calls.map((c) => c.authorization)).toEqual([undefined, 'Bearer secret-key', 'Bearer secret-key']);
  });
});

describe('follow (Server-Sent Events)', () => {
  it('passes each event on, and reconnects after a drop with the last event id', async () => {
    const calls: Array<Record<string, string>> = [];
    const bodies = ['id: 7\nevent: item\ndata: {"n":1}\n\n', 'event: status\ndata: {"n":2}\n\n'];
    const controller = new AbortController();
    const fetcher = (async (_url: string, init: RequestInit = {}) => {
      calls.push(init.headers as Record<string, string>);
      const body = bodies.shift();
      if (body === undefined) {
        controller.abort();
        throw new DOMException('aborted', 'AbortError');
      }
      return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
    }) as typeof fetch;
    const events: Array<{ event?: string; id?: string; data: string }> = [];
    vi.useFakeTimers({ shouldAdvanceTime: true, advanceTimeDelta: 500 });
    try {
      await createApi('secret-key', URLS, fetcher).follow('/v1/wire/items/stream', (e) => events.push(e), controller.signal);
    } finally {
      vi.useRealTimers();
    }
    expect(events.map((e) => [e.event, e.id, e.data])).toEqual([
      ['item', '7', '{"n":1}'],
      ['status', undefined, '{"n":2}'],
    ]);
    expect(calls[0]).toMatchObject({ authorization: 'Bearer secret-key', accept: 'text/event-stream' });
    expect(calls[0]!['last-event-id']).toBeUndefined();
    expect(calls[1]!['last-event-id']).toBe('7');
  });

  it('stops on a refusal instead of retrying it', async () => {
    const fetcher = (async () =>
      new Response(JSON.stringify({ title: 'Forbidden', detail: 'no' }), {
        status: 403,
        headers: { 'content-type': 'application/problem+json' },
      })) as unknown as typeof fetch;
    await expect(createApi('k', URLS, fetcher).follow('/s', () => undefined, new AbortController().signal)).rejects.toMatchObject({
      status: 403,
    });
  });
});
