import { DeliverPolicy, jetstream, type JsMsg } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { parseArgs } from 'node:util';
import { streamNames, subjectsFor, type Envelope } from '#contracts';
import { parseSince } from '../time-option.js';

export const summary = "print lifecycle events as they come, replaying from a time (--since 1h, --subject 'news.published.fr.>')";

export interface TailIo {
  env: NodeJS.ProcessEnv;
  write(text: string): void;
  /** Stops tailing (Ctrl-C on the command line). */
  signal?: AbortSignal;
}

const USAGE = `usage: depeche tail [--since 1h|2026-11-26T08:00:00Z] [--subject '<ns>.published.>'] [--count N] [--json]
  --since    replay from this time (a duration back from now, or an ISO time); default: new events only
  --subject  subject filter, wildcards allowed; default <ns>.published.>
  --count    stop after N events
  --json     print each event envelope as one JSON line
Reads NATS_URL (default nats://127.0.0.1:4222) and NATS_NAMESPACE (default news).
`;

interface TailOptions {
  since?: Date;
  subject: string;
  count?: number;
  json: boolean;
}

export async function run(argv: string[], io: TailIo = processIo()): Promise<number> {
  const options = parseOptions(argv, io);
  if (typeof options === 'string') {
    io.write(options);
    return 2;
  }
  const nc = await connect({ servers: (io.env.NATS_URL ?? 'nats://127.0.0.1:4222').split(','), name: 'depeche-tail' });
  const stream = streamNames(io.env.NATS_NAMESPACE ?? 'news').events;
  try {
    await tail(nc, stream, options, io);
    return 0;
  } catch (error) {
    if (!/stream not found/i.test(String(error))) throw error;
    io.write(`no stream ${stream} on ${nc.getServer()}: is NATS_NAMESPACE right, and has a service started once?\n`);
    return 1;
  } finally {
    await nc.close();
  }
}

function parseOptions(argv: string[], io: TailIo): TailOptions | string {
  const { values } = parseArgs({
    args: argv,
    options: {
      since: { type: 'string' },
      subject: { type: 'string' },
      count: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) return USAGE;
  const since = values.since === undefined ? undefined : parseSince(values.since);
  if (values.since !== undefined && !since) return `--since: expected a duration (90s, 15m, 1h, 2d) or an ISO time, got "${values.since}"\n${USAGE}`;
  const count = values.count === undefined ? undefined : Number(values.count);
  if (count !== undefined && (!Number.isInteger(count) || count < 1)) return `--count: expected a positive integer, got "${values.count}"\n${USAGE}`;
  const subject = values.subject ?? subjectsFor(io.env.NATS_NAMESPACE ?? 'news').routedFilter();
  return { subject, json: values.json, ...(since ? { since } : {}), ...(count ? { count } : {}) };
}

/**
 * An ordered ephemeral consumer: the server replays from the start time, in
 * stream order, and forgets the consumer when we leave. Nothing to clean up.
 */
async function tail(nc: NatsConnection, stream: string, options: TailOptions, io: TailIo): Promise<void> {
  const consumer = await jetstream(nc).consumers.get(stream, {
    filter_subjects: options.subject,
    ...(options.since ? { deliver_policy: DeliverPolicy.StartTime, opt_start_time: options.since.toISOString() } : { deliver_policy: DeliverPolicy.New }),
  });
  const messages = await consumer.consume();
  const stop = () => void messages.close();
  io.signal?.addEventListener('abort', stop, { once: true });
  let seen = 0;
  try {
    for await (const msg of messages) {
      io.write(`${options.json ? JSON.stringify({ subject: msg.subject, ...msg.json<object>() }) : describe(msg)}\n`);
      if (options.count && ++seen >= options.count) break;
    }
  } finally {
    io.signal?.removeEventListener('abort', stop);
    await messages.close();
  }
}

/** One readable line: when, where, what, which article, and its headline or kill reason. */
function describe(msg: JsMsg): string {
  const event = msg.json<Envelope<{ article?: { id: string; headline: string }; articleId?: string; reason?: string; revision?: number }>>();
  const { data } = event;
  const article = data.article?.id ?? data.articleId ?? '-';
  const detail = data.article?.headline ?? (data.reason ? `reason: ${data.reason}` : '');
  return [event.occurredAt, msg.subject, `r${data.revision ?? '-'}`, article, detail].join('  ');
}

function processIo(): TailIo {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  process.once('SIGTERM', () => controller.abort());
  return { env: process.env, write: (text) => process.stdout.write(text), signal: controller.signal };
}
