/**
 * Bare hop 2: a durable pull consumer on the ingested subject republishes each
 * event as "enriched" and acks once JetStream has the copy, like the
 * enrichment service minus the taggers and the framework.
 */
import { bareContext, exitOnSignal, nextEnvelope, required, signalReady } from './bare-config.js';

/** Like CONSUMER_CONCURRENCY in the services: unacked messages held at once. */
const IN_FLIGHT = 32;

async function main(): Promise<void> {
  const ctx = await bareContext();
  const consumer = await ctx.js.consumers.get(ctx.stream, required('BARE_DURABLE'));
  const messages = await consumer.consume({ max_messages: IN_FLIGHT });
  signalReady();
  exitOnSignal(() => ctx.nc.drain());
  for await (const message of messages) {
    const next = nextEnvelope(message.json(), 'article.enriched');
    ctx.js.publish(ctx.subjects.enriched, next.json, { msgID: next.id }).then(
      () => message.ack(),
      () => message.nak(250),
    );
  }
}

await main();
