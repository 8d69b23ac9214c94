import { AsyncLocalStorage } from 'node:async_hooks';

export interface CorrelationFields {
  correlationId: string;
  /** The article the event is about: one story's requests share it, each has its own correlationId. */
  articleId?: string;
  eventId?: string;
  subject?: string;
}

/** Carries the correlation id of the event (or request) being handled, so every log line can show it. */
export const correlationContext = new AsyncLocalStorage<CorrelationFields>();

export function currentCorrelation(): CorrelationFields | undefined {
  return correlationContext.getStore();
}
