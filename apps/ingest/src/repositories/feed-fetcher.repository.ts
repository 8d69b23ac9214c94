import { Inject, Injectable } from '@nestjs/common';
import { firstHeader, guardedRequest, OutboundRequestError, outboundUrlProblem, type OutboundPolicy } from '#runtime';

export class FeedFetchError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'FeedFetchError';
  }
}

export type FetchPolicy = OutboundPolicy;

export interface FetchResult {
  status: number;
  body?: Buffer;
  contentType?: string;
  etag?: string;
  lastModified?: string;
}

/** Checks a feed URL before it is registered: the outbound rules (http(s) only, no private host given literally). */
export const feedUrlProblem = outboundUrlProblem;

/** A conditional GET of a feed under the outbound rules (#runtime's guardedRequest: SSRF checks, timeout, size cap). */
export async function fetchFeed(url: string, conditional: { etag?: string; lastModified?: string }, policy: FetchPolicy): Promise<FetchResult> {
  const headers: Record<string, string> = {
    'user-agent': 'Depeche feed poller',
    accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5',
  };
  if (conditional.etag) headers['if-none-match'] = conditional.etag;
  if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
  const response = await guardedRequest(url, { method: 'GET', headers }, policy).catch((error: unknown) => {
    throw new FeedFetchError(error instanceof OutboundRequestError ? error.message : String(error));
  });
  const { status } = response;
  if (status === 304) return { status };
  if (status < 200 || status >= 300) throw new FeedFetchError(`HTTP ${status}`, status);
  return {
    status,
    body: response.body,
    contentType: firstHeader(response.headers['content-type']),
    etag: firstHeader(response.headers.etag),
    lastModified: firstHeader(response.headers['last-modified']),
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
