/**
 * What every bare process reads from its environment, and how it tells the
 * bench it is ready: one "ready" line on stdout (the bare processes have no
 * health endpoint; a line costs nothing on the hot path).
 */
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import { subjectsFor, type Subjects } from '#contracts';

export interface BareContext {
  nc: NatsConnection;
  js: JetStreamClient;
  subjects: Subjects;
  stream: string;
}

export const BARE_READY_LINE = 'ready';

export async function bareContext(): Promise<BareContext> {
  const namespace = required('NATS_NAMESPACE');
  const nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222', noAsyncTraces: true });
  return { nc, js: jetstream(nc), subjects: subjectsFor(namespace), stream: required('BARE_STREAM') };
}

export function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

export function signalReady(): void {
  process.stdout.write(`${BARE_READY_LINE}\n`);
}

/** SIGTERM from the bench: drain NATS so in-flight acks go out, then exit. */
export function exitOnSignal(close: () => Promise<void>): void {
  process.once('SIGTERM', () => {
    void close().finally(() => process.exit(0));
  });
}

/**
 * The envelope of the next hop: same correlation and data, new id and time.
 * A real hop must at least parse and serialise the event once; so does this.
 */
export function nextEnvelope(previous: { correlationId: string; data: unknown }, type: string): { id: string; json: string } {
  const id = crypto.randomUUID();
  const json = JSON.stringify({ id, type, version: 1, occurredAt: new Date().toISOString(), correlationId: previous.correlationId, data: previous.data });
  return { id, json };
}
