import ipaddr from 'ipaddr.js';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net, { isIP, type LookupFunction } from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';

/**
 * Whether an outbound request (a polled feed, a subscriber's endpoint) may not
 * reach this address unless private networks are allowed (SSRF protection).
 * Only global unicast passes: loopback, private, link-local, CGNAT, reserved,
 * multicast, site-local (fec0::/10), unique-local, and every IPv6 form that
 * embeds an IPv4 address (IPv4-mapped and -compatible, NAT64 64:ff9b::/96,
 * 6to4, Teredo) are refused, whatever the IPv4 inside. An IPv4-mapped address
 * is judged as the IPv4 address it maps.
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

/** A request that could not be made or whose answer could not be read: refused address, timeout, oversized body. */
export class OutboundRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutboundRequestError';
  }
}

export interface OutboundPolicy {
  allowPrivateNetworks: boolean;
  /** The whole exchange, from connecting to the answer's last byte: a peer that trickles or goes silent is cut off. */
  timeoutMs: number;
  /** The most of a response body that is read; more fails the request. */
  maxBytes: number;
}

export interface OutboundRequest {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string | Buffer;
}

export interface OutboundResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Checks a URL before it is registered: http(s) only, no credentials, and no private host given literally. */
export function outboundUrlProblem(raw: string, policy: Pick<OutboundPolicy, 'allowPrivateNetworks'>): string | undefined {
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
 * Connections kept open between requests to the same origin (a subscriber's endpoint takes many
 * requests a second: a TCP and TLS handshake for each would cost more than the request). Each
 * connection is checked when it is made, as guardedRequest checks its own; an idle one closes after
 * `idleMs`, or sooner when the server's Keep-Alive header says it closes sooner.
 */
export class GuardedAgents {
  readonly http: http.Agent;
  readonly https: https.Agent;

  constructor(policy: OutboundPolicy, idleMs = 4000) {
    const options = { keepAlive: true, timeout: idleMs };
    this.http = Object.assign(new http.Agent(options), { createConnection: guardedConnection('http:', policy) });
    this.https = Object.assign(new https.Agent(options), { createConnection: guardedConnection('https:', policy) });
  }

  destroy(): void {
    this.http.destroy();
    this.https.destroy();
  }
}

/**
 * One HTTP request under the outbound rules: no redirect is followed (a 3xx is
 * an answer like any other), and the address is checked twice: after DNS
 * resolution (a clear error for a name that resolves to a private address) and
 * on the connected socket itself, before a byte is sent (TLS handshake
 * included). The socket check is the one that holds: it sees IP literals,
 * which skip the lookup, and whatever a name re-resolves to at each request.
 * Any status resolves; the body is read up to `maxBytes`. With `agents`, the
 * connection may be one kept from an earlier request (checked when it was made).
 */
export function guardedRequest(url: string, request: OutboundRequest, policy: OutboundPolicy, agents?: GuardedAgents): Promise<OutboundResponse> {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  const client = secure ? https : http;
  const connection = agents ? { agent: secure ? agents.https : agents.http } : { createConnection: guardedConnection(target.protocol, policy) };
  return new Promise((resolve, reject) => {
    const outgoing = client.request(target, { method: request.method, headers: request.headers, ...connection }, (response) => {
      readBody(response, policy.maxBytes).then((body) => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }), reject);
    });
    // One deadline for the whole exchange: the socket's idle timeout does not reach a connection made by createConnection.
    const deadline = setTimeout(() => outgoing.destroy(new OutboundRequestError(`no answer within ${policy.timeoutMs} ms`)), policy.timeoutMs);
    const settle = () => clearTimeout(deadline);
    outgoing.on('close', settle);
    outgoing.on('error', (error) => reject(error instanceof OutboundRequestError ? error : new OutboundRequestError(error.message)));
    outgoing.end(request.body);
  });
}

type Oncreate = (error: Error | null, socket: Duplex) => void;

/**
 * Opens the TCP connection itself and hands it to the HTTP client only once
 * its remote address has passed the check; for https, TLS starts after it.
 */
function guardedConnection(protocol: string, policy: OutboundPolicy) {
  const secure = protocol === 'https:';
  return (options: { host?: string | null; port?: number | string | null }, oncreate: Oncreate): undefined => {
    const host = (options.host ?? '').replace(/^\[|\]$/g, '');
    const port = Number(options.port || (secure ? 443 : 80));
    const tcp = net.connect({ host, port, lookup: guardedLookup(policy) });
    const fail = (error: Error) => (tcp.destroy(), oncreate(error, tcp));
    const slow = () => fail(new OutboundRequestError(`no connection within ${policy.timeoutMs} ms`));
    tcp.setTimeout(policy.timeoutMs);
    tcp.once('timeout', slow);
    tcp.once('error', fail);
    tcp.once('connect', () => {
      // From here on the HTTP client (and an agent, for an idle kept connection) owns errors and timeouts.
      tcp.removeListener('error', fail);
      tcp.removeListener('timeout', slow);
      tcp.setTimeout(0);
      const remote = tcp.remoteAddress ?? '';
      if (!policy.allowPrivateNetworks && (remote === '' || isPrivateAddress(remote)))
        return fail(new OutboundRequestError(`${host} connected to private address ${remote}`));
      oncreate(null, secure ? tls.connect({ socket: tcp, servername: isIP(host) ? undefined : host }) : tcp);
    });
    return undefined;
  };
}

function guardedLookup(policy: OutboundPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as LookupAddress[];
      const blocked = !policy.allowPrivateNetworks && list.find((a) => isPrivateAddress(a.address));
      if (blocked) return callback(new OutboundRequestError(`${hostname} resolves to private address ${blocked.address}`), '', 0);
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
      if (size > maxBytes) response.destroy(new OutboundRequestError(`answer larger than ${maxBytes} bytes`));
      else chunks.push(chunk);
    });
    response.on('end', () => resolve(Buffer.concat(chunks)));
    response.on('error', reject);
  });
}

/** A response header's first value. */
export const firstHeader = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);
