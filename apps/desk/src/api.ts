import { createParser, type EventSourceMessage } from 'eventsource-parser';

/** The desk's only way out: the public ingest API (same origin) and the read API, as any client calls them. */

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

export function createApi(key: string, readApiUrl: string, fetcher: typeof fetch = (...args) => fetch(...args)): ApiClient {
  const auth = { authorization: `Bearer ${key}` };
  // The read API is public unless it says otherwise (401): the editor's key, admin included, goes there only then.
  let readNeedsKey = false;
  const read = async (path: string) => {
    const response = await fetcher(`${readApiUrl}${path}`, readNeedsKey ? { headers: auth } : {});
    if (response.status !== 401 || readNeedsKey) return response;
    readNeedsKey = true;
    return fetcher(`${readApiUrl}${path}`, { headers: auth });
  };
  return {
    ingest: async (method, path, body) =>
      answer(
        await fetcher(path, {
          method,
          headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      ),
    read: async (path) => answer(await read(path)),
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

/** Where the read API is: told by ingest (/desk/config.json), else this host on the read API's default port. */
export async function readApiBase(fetcher: typeof fetch = (...args) => fetch(...args)): Promise<string> {
  const fallback = `${location.protocol}//${location.hostname}:3002`;
  try {
    const response = await fetcher('/desk/config.json');
    const config = response.ok ? ((await response.json()) as { readApiUrl?: string }) : {};
    return (config.readApiUrl || fallback).replace(/\/+$/, '');
  } catch {
    return fallback;
  }
}
