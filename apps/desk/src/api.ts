import { createParser, type EventSourceMessage } from 'eventsource-parser';

/** The desk's only ways out: the public ingest API (same origin), the read API and the subscribers API, as any client calls them. */

export interface FieldIssue {
  field: string;
  reason: string;
}

/** A problem+json answer, kept whole so a form can put each field's reason beside its field. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: FieldIssue[] = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
  }

  /** The reason given for one field, matched as the API names it ("headline", "/headline" or "tags.add"). */
  reasonFor(field: string): string | undefined {
    const plain = (name: string) => name.replace(/^\//, '').split(/[./]/)[0];
    return this.errors.find((issue) => plain(issue.field) === field)?.reason;
  }
}

export interface ApiClient {
  ingest<T>(method: string, path: string, body?: unknown): Promise<T>;
  read<T>(path: string): Promise<T>;
  /** The delivery service's admin API (webhook subscribers); always with the editor's key. */
  subscribers<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** Raw documents (wire copy) go out as they are, with their own content type. */
  sendDocument<T>(path: string, bytes: Blob, contentType: string): Promise<T>;
  /**
   * Follows an ingest route as Server-Sent Events until `signal` aborts, reconnecting after a drop
   * with Last-Event-ID (so nothing is missed) and a growing pause. fetch rather than EventSource,
   * which cannot send the editor's key.
   */
  follow(path: string, onEvent: (event: EventSourceMessage) => void, signal: AbortSignal, lastEventId?: string): Promise<void>;
}

export type { EventSourceMessage };

const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 30_000;

async function answer<T>(response: Response): Promise<T> {
  const text = await response.text();
  const json = text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : undefined;
  if (response.ok) return json as T;
  const problem = (json ?? {}) as { title?: string; detail?: string; errors?: FieldIssue[] };
  throw new ApiProblem(response.status, problem.title ?? response.statusText, problem.detail, problem.errors ?? [], json ?? {});
}

/** Where the APIs other than ingest are (no trailing slash). */
export interface DeskUrls {
  readApiUrl: string;
  subscribersApiUrl: string;
}

export function createApi(key: string, { readApiUrl, subscribersApiUrl }: DeskUrls, fetcher: typeof fetch = (...args) => fetch(...args)): ApiClient {
  const auth = { authorization: `Bearer ${key}` };
  const call = async <T>(url: string, method: string, body: unknown): Promise<T> =>
    answer(
      await fetcher(url, {
        method,
        headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  // The read API is public unless it says otherwise (401): the editor's key, admin included, goes there only then.
  let readNeedsKey = false;
  const read = async (path: string) => {
    const response = await fetcher(`${readApiUrl}${path}`, readNeedsKey ? { headers: auth } : {});
    if (response.status !== 401 || readNeedsKey) return response;
    readNeedsKey = true;
    return fetcher(`${readApiUrl}${path}`, { headers: auth });
  };
  return {
    ingest: (method, path, body) => call(path, method, body),
    read: async (path) => answer(await read(path)),
    subscribers: (method, path, body) => call(`${subscribersApiUrl}${path}`, method, body),
    sendDocument: async (path, bytes, contentType) =>
      answer(await fetcher(path, { method: 'POST', headers: { ...auth, 'content-type': contentType }, body: bytes })),
    follow: (path, onEvent, signal, lastEventId) => follow(fetcher, path, auth, onEvent, signal, lastEventId),
  };
}

async function follow(
  fetcher: typeof fetch,
  path: string,
  auth: Record<string, string>,
  onEvent: (event: EventSourceMessage) => void,
  signal: AbortSignal,
  lastEventId: string | undefined,
): Promise<void> {
  let pause = RETRY_FIRST_MS;
  let last = lastEventId;
  const parser = createParser({
    onEvent: (event) => {
      if (event.id) last = event.id;
      onEvent(event);
    },
  });
  while (!signal.aborted) {
    try {
      const headers = { ...auth, accept: 'text/event-stream', ...(last ? { 'last-event-id': last } : {}) };
      const response = await fetcher(path, { headers, signal });
      if (!response.ok || !response.body) throw await answer(response).catch((problem: unknown) => problem);
      pause = RETRY_FIRST_MS;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) parser.feed(chunk.value);
    } catch (error) {
      // A refusal (401, 403) will not change by retrying: the caller shows it.
      if (error instanceof ApiProblem && error.status >= 400 && error.status < 500 && error.status !== 429) throw error;
    }
    parser.reset();
    if (signal.aborted) return;
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 2, RETRY_MAX_MS);
  }
}

/** Where the other APIs are: told by ingest (/desk/config.json), else this host on their default ports. */
export async function deskUrls(fetcher: typeof fetch = (...args) => fetch(...args)): Promise<DeskUrls> {
  const sameHost = (port: number) => `${location.protocol}//${location.hostname}:${port}`;
  let config: Partial<DeskUrls> = {};
  try {
    const response = await fetcher('/desk/config.json');
    if (response.ok) config = (await response.json()) as Partial<DeskUrls>;
  } catch {
    // the defaults below
  }
  return {
    readApiUrl: (config.readApiUrl || sameHost(3002)).replace(/\/+$/, ''),
    subscribersApiUrl: (config.subscribersApiUrl || sameHost(3003)).replace(/\/+$/, ''),
  };
}
