/**
 * Bare hop 3: a durable pull consumer on the enriched subject inserts each
 * article as a JSONB row, then publishes the "published" event and acks. It
 * inserts whatever has arrived, up to 100 rows per statement: the batching
 * STACK-NOTES measured as the cheapest way into Postgres, so this is the floor.
 */
import type { JsMsg } from '@nats-io/jetstream';
import pg from 'pg';
import { bareContext, exitOnSignal, nextEnvelope, required, signalReady, type BareContext } from './bare-config.js';

const BATCH = 100;
const IN_FLIGHT = 256;

interface Pending {
  message: JsMsg;
  envelope: { correlationId: string; data: { article: { id: string } } };
}

function insertStatement(batch: Pending[]): { text: string; values: string[] } {
  const rows = batch.map((_, i) => `($${2 * i + 1}, $${2 * i + 2}::jsonb)`);
  const values = batch.flatMap((p) => [p.envelope.data.article.id, JSON.stringify(p.envelope.data.article)]);
  return { text: `INSERT INTO bare_articles (id, body) VALUES ${rows.join(',')} ON CONFLICT (id) DO NOTHING`, values };
}

async function writeBatch(ctx: BareContext, db: pg.Client, batch: Pending[]): Promise<void> {
  await db.query(insertStatement(batch));
  await Promise.all(
    batch.map(async ({ message, envelope }) => {
      const next = nextEnvelope(envelope, 'article.published');
      await ctx.js.publish(ctx.subjects.lifecycle.published, next.json, { msgID: next.id });
      message.ack();
    }),
  );
}

/** One writer loop: while rows are waiting, insert up to BATCH of them; otherwise wait for the next arrival. */
function batcher(ctx: BareContext, db: pg.Client): (pending: Pending) => void {
  const queue: Pending[] = [];
  let writing = false;
  const drain = async (): Promise<void> => {
    writing = true;
    while (queue.length) {
      const batch = queue.splice(0, BATCH);
      await writeBatch(ctx, db, batch).catch(() => batch.forEach((p) => p.message.nak(250)));
    }
    writing = false;
  };
  return (pending) => {
    queue.push(pending);
    if (!writing) void drain();
  };
}

async function main(): Promise<void> {
  const ctx = await bareContext();
  const db = new pg.Client({ connectionString: required('DATABASE_URL') });
  await db.connect();
  const consumer = await ctx.js.consumers.get(ctx.stream, required('BARE_DURABLE'));
  const messages = await consumer.consume({ max_messages: IN_FLIGHT });
  const enqueue = batcher(ctx, db);
  signalReady();
  exitOnSignal(async () => {
    await ctx.nc.drain();
    await db.end();
  });
  for await (const message of messages) enqueue({ message, envelope: message.json() });
}

await main();
