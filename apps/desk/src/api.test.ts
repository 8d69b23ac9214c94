import { describe, expect, it } from 'vitest';
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

describe('createApi', () => {
  it('reads a public read API without sending the editor\'s key', async () => {
    const { calls, fetcher } = recorder(false);
    const api = createApi('secret-key', 'http://read.test', fetcher);
    await api.read('/v1/articles');
    await api.ingest('GET', '/v1/whoami');
    expect(calls).toEqual([{ url: 'http://read.test/v1/articles', authorization: undefined }, { url: '/v1/whoami', authorization: 'Bearer secret-key' }]);
  });

  it('sends the key to a read API that asks for one (401), from then on', async () => {
    const { calls, fetcher } = recorder(true);
    const api = createApi('secret-key', 'http://read.test', fetcher);
    expect(await api.read('/v1/articles')).toEqual({ ok: true });
    await api.read('/v1/articles/1');
    expect(calls.map((c) => c.authorization)).toEqual([undefined, 'Bearer secret-key', 'Bearer secret-key']);
  });
});
