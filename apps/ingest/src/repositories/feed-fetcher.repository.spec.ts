import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchFeed } from './feed-fetcher.repository.js';

describe('fetchFeed', () => {
  const strict = { allowPrivateNetworks: false, timeoutMs: 2000, maxBytes: 10_000 };
  let server: Server;
  let port: number;
  let requests = 0;

  beforeAll(async () => {
    // Dual-stack on ::, so IPv4-mapped addresses reach it too.
    server = createServer((_request, response) => (requests++, response.end('<rss version="2.0"><channel><title>t</title></channel></rss>')));
    await new Promise<void>((resolve) => server.listen(0, '::', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('checks the connected socket: an IP literal (which skips DNS) to a private address gets no request', async () => {
    for (const host of ['127.0.0.1', '[::1]', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]']) {
      await expect(fetchFeed(`http://${host}:${port}/feed`, {}, strict)).rejects.toThrow(/connected to private address/);
    }
    expect(requests).toBe(0);
  });

  it('fetches from a private address when private networks are allowed', async () => {
    const result = await fetchFeed(`http://127.0.0.1:${port}/feed`, {}, { ...strict, allowPrivateNetworks: true });
    expect(result.status).toBe(200);
    expect(result.body?.toString()).toContain('<rss');
    expect(requests).toBe(1);
  });

  it('refuses a host name that resolves to a private address, after resolution', async () => {
    // Registration refuses "localhost" literally; here only the guard on the resolved address stands in the way.
    await expect(fetchFeed('http://localhost:9/feed', {}, { allowPrivateNetworks: false, timeoutMs: 2000, maxBytes: 1000 })).rejects.toThrow(
      /resolves to private address/,
    );
  });
});
