import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GuardedAgents, guardedRequest, isPrivateAddress, outboundUrlProblem } from './guarded-request.js';

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

describe('outboundUrlProblem', () => {
  const strict = { allowPrivateNetworks: false };

  it('takes public http(s) URLs', () => {
    expect(outboundUrlProblem('https://www.lemonde.fr/rss/une.xml', strict)).toBeUndefined();
  });

  it('names what is wrong with the others', () => {
    expect(outboundUrlProblem('file:///etc/passwd', strict)).toBe('must be an http or https URL');
    expect(outboundUrlProblem('not a url', strict)).toBe('is not a URL');
    expect(outboundUrlProblem('http://169.254.169.254/latest/meta-data', strict)).toBe('points to a private or local address');
    expect(outboundUrlProblem('http://[::1]:8080/feed', strict)).toBe('points to a private or local address');
    expect(outboundUrlProblem('http://localhost/feed', strict)).toBe('points to a private or local address');
    for (const literal of [
      'http://[::127.0.0.1]/',
      'http://[64:ff9b::7f00:1]/',
      'http://[fec0::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://0x7f.1/',
      'http://2130706433/',
      'http://[0:0:0:0:0:ffff:a9fe:a9fe]/',
    ]) {
      expect({ literal, problem: outboundUrlProblem(literal, strict) }).toEqual({ literal, problem: 'points to a private or local address' });
    }
    expect(outboundUrlProblem('http://user:pw@example.com/feed', strict)).toBe('must not carry credentials');
    expect(outboundUrlProblem('http://127.0.0.1/feed', { allowPrivateNetworks: true })).toBeUndefined();
  });
});

describe('guardedRequest', () => {
  const local = { allowPrivateNetworks: true, timeoutMs: 1000, maxBytes: 100 };
  let server: Server;
  let base: string;
  const received: Array<{ method?: string; body: string; signature?: string; port?: number }> = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push({ method: request.method, body, signature: request.headers['webhook-signature'] as string | undefined, port: request.socket.remotePort });
        if (request.url === '/redirect') return response.writeHead(302, { location: 'http://169.254.169.254/' }).end();
        if (request.url === '/big') return response.end('x'.repeat(1000));
        if (request.url === '/slow') return; // never answers
        response.writeHead(201, { 'retry-after': '7' }).end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));

  it('sends a POST with its headers and body, and resolves with any status, headers and body', async () => {
    const response = await guardedRequest(`${base}/hook`, { method: 'POST', headers: { 'webhook-signature': 'v1,abc' }, body: '{"a":1}' }, local);
    expect(response.status).toBe(201);
    expect(response.headers['retry-after']).toBe('7');
    expect(response.body.toString()).toBe('ok');
    expect(received.at(-1)).toMatchObject({ method: 'POST', body: '{"a":1}', signature: 'v1,abc' });
  });

  it('follows no redirect: a 3xx is the answer', async () => {
    expect((await guardedRequest(`${base}/redirect`, { method: 'GET', headers: {} }, local)).status).toBe(302);
  });

  it('fails on an answer over the size cap, and on silence past the timeout', async () => {
    await expect(guardedRequest(`${base}/big`, { method: 'GET', headers: {} }, local)).rejects.toThrow(/larger than 100 bytes/);
    await expect(guardedRequest(`${base}/slow`, { method: 'GET', headers: {} }, { ...local, timeoutMs: 200 })).rejects.toThrow(/no answer within 200 ms/);
  });

  it('refuses a private address unless allowed, before sending a byte', async () => {
    const before = received.length;
    await expect(guardedRequest(`${base}/hook`, { method: 'POST', headers: {}, body: 'x' }, { ...local, allowPrivateNetworks: false })).rejects.toThrow(
      /connected to private address/,
    );
    expect(received.length).toBe(before);
  });

  it("with agents, sends one origin's requests over a connection it keeps, and still checks each new one", async () => {
    const agents = new GuardedAgents(local);
    try {
      const before = received.length;
      for (const n of [1, 2, 3])
        expect((await guardedRequest(`${base}/hook`, { method: 'POST', headers: {}, body: String(n) }, local, agents)).status).toBe(201);
      expect(new Set(received.slice(before).map((r) => r.port)).size).toBe(1);
      // The deadline and the size cap hold on a kept connection too.
      await expect(guardedRequest(`${base}/big`, { method: 'GET', headers: {} }, local, agents)).rejects.toThrow(/larger than 100 bytes/);
    } finally {
      agents.destroy();
    }
    const strict = { ...local, allowPrivateNetworks: false };
    const strictAgents = new GuardedAgents(strict);
    try {
      await expect(guardedRequest(`${base}/hook`, { method: 'POST', headers: {}, body: 'x' }, strict, strictAgents)).rejects.toThrow(
        /connected to private address/,
      );
    } finally {
      strictAgents.destroy();
    }
  });
});
