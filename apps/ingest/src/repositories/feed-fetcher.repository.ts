import { Inject, Injectable } from '@nestjs/common';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** Addresses a registered feed may not reach unless private networks are allowed: SSRF protection. */
const PRIVATE = new BlockList();
for (const [net, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4]] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [['::', 127], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) PRIVATE.addSubnet(net, prefix, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPrivateAddress(mapped);
  const family = isIP(address);
  return family !== 0 && PRIVATE.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

export class FeedFetchError extends Error {
  constructor(message: string, readonly status?: number) {
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
 * A conditional GET of a feed. The address is checked after DNS resolution, on
 * the very connection, so a name that resolves (or later re-resolves) to a
 * private address is refused too.
 */
export function fetchFeed(url: string, conditional: { etag?: string; lastModified?: string }, policy: FetchPolicy): Promise<FetchResult> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  const headers: Record<string, string> = { 'user-agent': 'Depeche feed poller', accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5' };
  if (conditional.etag) headers['if-none-match'] = conditional.etag;
  if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
  return new Promise((resolve, reject) => {
    const request = client.get(target, { headers, lookup: guardedLookup(policy), timeout: policy.timeoutMs }, (response) => {
      const status = response.statusCode ?? 0;
      if (status === 304) return response.resume(), resolve({ status });
      if (status < 200 || status >= 300) return response.resume(), reject(new FeedFetchError(`HTTP ${status}`, status));
      readBody(response, policy.maxBytes).then(
        (body) => resolve({ status, body, contentType: response.headers['content-type'], etag: header(response.headers.etag), lastModified: header(response.headers['last-modified']) }),
        reject,
      );
    });
    request.on('timeout', () => request.destroy(new FeedFetchError(`no answer within ${policy.timeoutMs} ms`)));
    request.on('error', (error) => reject(error instanceof FeedFetchError ? error : new FeedFetchError(error.message)));
  });
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
