/**
 * Bare hop 1: node:http accepts an article and publishes it to JetStream,
 * awaiting the stream's ack before answering 202, as ingest does. No
 * validation, no auth, no framework: the floor the ingest service is compared to.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { bareContext, exitOnSignal, required, signalReady, type BareContext } from './bare-config.js';

async function accept(ctx: BareContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const correlationId = String(request.headers['x-correlation-id'] ?? randomUUID());
  const id = randomUUID();
  const article = { ...(JSON.parse(Buffer.concat(chunks).toString('utf8')) as object), id };
  const eventId = randomUUID();
  const envelope = {
    id: eventId,
    type: 'article.ingested',
    version: 1,
    occurredAt: new Date().toISOString(),
    correlationId,
    data: { action: 'submit', article },
  };
  await ctx.js.publish(ctx.subjects.ingested, JSON.stringify(envelope), { msgID: eventId });
  response.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ id, status: 'received', correlationId }));
}

async function main(): Promise<void> {
  const ctx = await bareContext();
  const server = createServer((request, response) => {
    accept(ctx, request, response).catch(() => response.writeHead(500).end());
  });
  server.keepAliveTimeout = 60_000;
  server.listen(Number(required('PORT')), '127.0.0.1', signalReady);
  exitOnSignal(async () => {
    server.close();
    await ctx.nc.drain();
  });
}

await main();
