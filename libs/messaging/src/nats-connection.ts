import { connect, type NatsConnection } from '@nats-io/transport-node';

export interface NatsSettings {
  url: string;
  /** Connection name shown by the server (`nats server report connections`). */
  name: string;
  user?: string;
  password?: string;
}

export interface StatusLogger {
  log(message: string): void;
  warn(message: string): void;
}

/**
 * Connects to NATS, waiting for the server on first connect and reconnecting
 * forever afterwards, so a service started before NATS (or outliving a NATS
 * restart) recovers by itself. Every state change is logged.
 */
export async function connectNats(settings: NatsSettings, logger: StatusLogger): Promise<NatsConnection> {
  const nc = await connect({
    servers: settings.url.split(','),
    name: settings.name,
    user: settings.user,
    pass: settings.password,
    waitOnFirstConnect: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    pingInterval: 10_000,
    // Every request would otherwise build an Error up front just in case it fails: a stack capture per
    // KV write and per JetStream publish, several per article. Our errors say what failed without it.
    noAsyncTraces: true,
  });
  logger.log(`connected to NATS at ${nc.getServer()}`);
  void logStatusChanges(nc, logger);
  return nc;
}

async function logStatusChanges(nc: NatsConnection, logger: StatusLogger): Promise<void> {
  for await (const status of nc.status()) {
    if (status.type === 'ping' || status.type === 'update') continue;
    const detail = 'server' in status ? ` (${String(status.server)})` : '';
    const line = `NATS connection ${status.type}${detail}`;
    // A close follows our own drain at shutdown: news, not a warning.
    if (status.type === 'reconnect' || status.type === 'close') logger.log(line);
    else logger.warn(line);
  }
}

/** Readiness: connected, not reconnecting, not closed. */
export function isNatsReady(nc: NatsConnection | undefined): boolean {
  return !!nc && !nc.isClosed() && !nc.isDraining() && isOpen(nc);
}

function isOpen(nc: NatsConnection): boolean {
  // `protocol.connected` flips to false on disconnect and back on reconnect.
  const protocol = (nc as unknown as { protocol?: { connected?: boolean } }).protocol;
  return protocol?.connected ?? true;
}
