import ipaddr from 'ipaddr.js';
import { Inject, Injectable } from '@nestjs/common';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net, { isIP, type LookupFunction } from 'node:net';
import tls from 'node:tls';
import type { Duplex } from 'node:stream';

/**
 * Whether a feed may not reach this address unless private networks are
 * allowed (SSRF protection). Only global unicast passes: loopback, private,
 * link-local, CGNAT, reserved, multicast, site-local (fec0::/10), unique-local,
 * and every IPv6 form that embeds an IPv4 address (IPv4-mapped and -compatible,
 * NAT64 64:ff9b::/96, 6to4, Teredo) are refused, whatever the IPv4 inside.
 * An IPv4-mapped address is judged as the IPv4 address it maps.
 */
export function isPrivateAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return parsed.range() !== 'unicast';
  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return isPrivateAddress(v6.toIPv4Address().toString());
  // IPv4-compatible (::a.b.c.d, deprecated) is "unicast" to ipaddr.js, yet reaches the IPv4 inside on some stacks.
  return v6.range() !== 'unicast' || v6.match(IPV4_COMPATIBLE);
}

const IPV4_COMPATIBLE: [ipaddr.IPv6, number] = [ipaddr.IPv6.parse('::'), 96];

export class FeedFetchError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'FeedFetchError';
  }
}

export interface FetchPolicy {
  allowPrivateNetworks: boolean;
  timeoutMs: number;
  maxBytes: number;
}

export interface FetchResult {
  status: number;
  body?: Buffer;
  contentType?: string;
  etag?: string;
  lastModified?: string;
}

/** Checks a feed URL before it is registered: http(s) only, and no private host given literally. */
export function feedUrlProblem(raw: string, policy: Pick<FetchPolicy, 'allowPrivateNetworks'>): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http or https URL';
  if (url.username || url.password) return 'must not carry credentials';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!policy.allowPrivateNetworks && (isPrivateAddress(host) || host === 'localhost')) return 'points to a private or local address';
  return undefined;
}

/**
 * A conditional GET of a feed. The address is checked twice: after DNS
 * resolution (a clear error for a name that resolves to a private address) and
 * on the connected socket itself, before a byte is sent (TLS handshake
 * included). The socket check is the one that holds: it sees IP literals,
 * which skip the lookup, and whatever a name re-resolves to at each poll.
 */
export function fetchFeed(url: string, conditional: { etag?: string; lastModified?: string }, policy: FetchPolicy): Promise<FetchResult> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  const headers: Record<string, string> = {
    'user-agent': 'Depeche feed poller',
    accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5',
  };
  if (conditional.etag) headers['if-none-match'] = conditional.etag;
  if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
  return new Promise((resolve, reject) => {
    const request = client.get(target, { headers, createConnection: guardedConnection(target, policy), timeout: policy.timeoutMs }, (response) => {
      const status = response.statusCode ?? 0;
      if (status === 304) return (response.resume(), resolve({ status }));
      if (status < 200 || status >= 300) return (response.resume(), reject(new FeedFetchError(`HTTP ${status}`, status)));
      readBody(response, policy.maxBytes).then(
        (body) =>
          resolve({
            status,
            body,
            contentType: response.headers['content-type'],
            etag: header(response.headers.etag),
            lastModified: header(response.headers['last-modified']),
          }),
        reject,
      );
    });
    request.on('timeout', () => request.destroy(new FeedFetchError(`no answer within ${policy.timeoutMs} ms`)));
    request.on('error', (error) => reject(error instanceof FeedFetchError ? error : new FeedFetchError(error.message)));
  });
}

type Oncreate = (error: Error | null, socket: Duplex) => void;

/**
 * Opens the TCP connection itself and hands it to the HTTP client only once
 * its remote address has passed the check; for https, TLS starts after it.
 */
function guardedConnection(target: URL, policy: FetchPolicy) {
  return (options: { host?: string | null; port?: number | string | null }, oncreate: Oncreate): undefined => {
    const host = (options.host ?? target.hostname).replace(/^\[|\]$/g, '');
    const port = Number(options.port || (target.protocol === 'https:' ? 443 : 80));
    const tcp = net.connect({ host, port, lookup: guardedLookup(policy) });
    const fail = (error: Error) => (tcp.destroy(), oncreate(error, tcp));
    tcp.setTimeout(policy.timeoutMs, () => fail(new FeedFetchError(`no connection within ${policy.timeoutMs} ms`)));
    tcp.once('error', fail);
    tcp.once('connect', () => {
      tcp.removeListener('error', fail);
      tcp.setTimeout(0);
      const remote = tcp.remoteAddress ?? '';
      if (!policy.allowPrivateNetworks && (remote === '' || isPrivateAddress(remote)))
        return fail(new FeedFetchError(`${host} connected to private address ${remote}`));
      oncreate(null, target.protocol === 'https:' ? tls.connect({ socket: tcp, servername: isIP(host) ? undefined : host }) : tcp);
    });
    return undefined;
  };
}

export const FEED_FETCH_POLICY = Symbol('FEED_FETCH_POLICY');

/** The feeds' HTTP side, behind which the poller holds only its scheduling logic. */
@Injectable()
export class FeedFetcherRepository {
  constructor(@Inject(FEED_FETCH_POLICY) readonly policy: FetchPolicy) {}

  fetch(url: string, conditional: { etag?: string; lastModified?: string }): Promise<FetchResult> {
    return fetchFeed(url, conditional, this.policy);
  }
}

function guardedLookup(policy: FetchPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as LookupAddress[];
      const blocked = !policy.allowPrivateNetworks && list.find((a) => isPrivateAddress(a.address));
      if (blocked) return callback(new FeedFetchError(`${hostname} resolves to private address ${blocked.address}`), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

function readBody(response: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) response.destroy(new FeedFetchError(`feed larger than ${maxBytes} bytes`));
      else chunks.push(chunk);
    });
    response.on('end', () => resolve(Buffer.concat(chunks)));
    response.on('error', reject);
  });
}

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
