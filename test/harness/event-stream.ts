import { createParser, type EventSourceMessage } from 'eventsource-parser';

/** A Server-Sent Events stream read with fetch (EventSource cannot send an Authorization header). */
export interface EventStream {
  status: number;
  events: EventSourceMessage[];
  close(): Promise<void>;
}

export async function openEventStream(url: string, headers: Record<string, string>): Promise<EventStream> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  const events: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (event) => events.push(event) });
  const reading = (async () => {
    if (!response.ok || !response.body) return;
    const decoder = new TextDecoder();
    for await (const chunk of response.body) parser.feed(decoder.decode(chunk as Uint8Array, { stream: true }));
  })().catch(() => undefined);
  return {
    status: response.status,
    events,
    close: async () => {
      controller.abort();
      await reading;
    },
  };
}
