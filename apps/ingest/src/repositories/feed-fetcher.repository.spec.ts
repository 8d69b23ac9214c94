import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchFeed, feedUrlProblem, isPrivateAddress } from './feed-fetcher.repository.js';

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '255.255.255.255',
    '224.0.0.1',
    '198.18.0.1',
    '240.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fd00::5',
    'ff02::1',
    // Every IPv6 spelling that carries an IPv4 address, and the deprecated site-local range.
    '::ffff:10.0.0.1',
    '::ffff:7f00:1',
    '::127.0.0.1',
    '::7f00:1',
    '64:ff9b::7f00:1',
    '64:ff9b::a9fe:a9fe',
    '64:ff9b:1::1',
    '2002:7f00:1::',
    '2001::1',
    'fec0::1',
    'feff::1',
  ])('blocks %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '151.101.1.69', '2a04:4e42::69', '172.32.0.1', '::ffff:8.8.8.8'])('lets %s through', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});

describe('feedUrlProblem', () => {
  const strict = { allowPrivateNetworks: false };

  it('takes public http(s) URLs', () => {
    expect(feedUrlProblem('https://www.lemonde.fr/rss/une.xml', strict)).toBeUndefined();
  });

  it('names what is wrong with the others', () => {
    expect(feedUrlProblem('file:///etc/passwd', strict)).toBe('must be an http or https URL');
    expect(feedUrlProblem('not a url', strict)).toBe('is not a URL');
    expect(feedUrlProblem('http://169.254.169.254/latest/meta-data', strict)).toBe('points to a private or local address');
    expect(feedUrlProblem('http://[::1]:8080/feed', strict)).toBe('points to a private or local address');
    expect(feedUrlProblem('http://localhost/feed', strict)).toBe('points to a private or local address');
    for (const literal of [
      'http://[::127.0.0.1]/',
      'http://[64:ff9b::7f00:1]/',
      'http://[fec0::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://0x7f.1/',
      'http://2130706433/',
      'http://[0:0:0:0:0:ffff:a9fe:a9fe]/',
    ]) {
      expect({ literal, problem: feedUrlProblem(literal, strict) }).toEqual({ literal, problem: 'points to a private or local address' });
    }
    expect(feedUrlProblem('http://user:pw@example.com/feed', strict)).toBe('must not carry credentials');
    expect(feedUrlProblem('http://127.0.0.1/feed', { allowPrivateNetworks: true })).toBeUndefined();
  });
});

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
