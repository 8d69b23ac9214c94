import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jetstreamManager } from '@nats-io/jetstream';
import { Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { createInterface } from 'node:readline';
import 'reflect-metadata';
import { streamNames, subjectsFor, type EventOf } from '#contracts';
import {
  createEvent,
  DeadLetterPublisher,
  ensureConsumer,
  ensureStreams,
  EventController,
  EventPublisher,
  JetStreamServer,
  type JetStreamContext,
} from '#messaging';
import { consumerSettings } from '#runtime';
import { NatsServer } from '../harness/fault-infra.js';

/**
 * The ack wait at its default, against a real nats-server: a message held by
 * a consumer process killed with SIGKILL comes back within about one ack wait,
 * while a handler on a live instance that runs for 2.5 ack waits is kept alive
 * by the transport's in-progress heartbeats and is delivered exactly once.
 */
const ACK_WAIT_MS = consumerSettings.CONSUMER_ACK_WAIT_MS.default as number;
const SLOW_HANDLER_MS = Math.round(ACK_WAIT_MS * 2.5);
const print = (text: string) => process.stdout.write(`${text}\n`);

const deliveries: Array<{ reason: string; deliveryCount: number; at: number }> = [];
const finished = new Map<string, number>();

@EventController()
class SlowHandler {
  @EventPattern('news.article.killed')
  async handle(@Payload() event: EventOf<'news.article.killed'>, @Ctx() context: unknown): Promise<void> {
    deliveries.push({ reason: event.data.reason, deliveryCount: (context as JetStreamContext).getDeliveryCount(), at: Date.now() });
    if (event.data.reason.startsWith('slow')) await new Promise((resolve) => setTimeout(resolve, SLOW_HANDLER_MS));
    finished.set(event.data.reason, Date.now());
  }
}

@Module({ controllers: [SlowHandler] })
class SlowModule {}

const waitFor = async (what: string, test: () => boolean, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe(`ack wait ${ACK_WAIT_MS} ms with in-progress heartbeats`, () => {
  const namespace = `a${randomBytes(4).toString('hex')}`;
  const subjects = subjectsFor(namespace);
  const stream = streamNames(namespace).events;
  const durable = 'publishing';
  let nats: NatsServer;
  let nc: NatsConnection;
  let app: INestMicroservice | undefined;
  let holder: ChildProcess | undefined;

  beforeAll(async () => {
    nats = await NatsServer.start();
    nc = await connect({ servers: nats.url, name: 'ack-wait-test' });
    const jsm = await jetstreamManager(nc);
    await ensureStreams(jsm, { namespace, maxAgeMs: 3_600_000, maxBytes: -1, duplicateWindowMs: 60_000, replicas: 1 });
    await ensureConsumer(jsm, { stream, durable, filterSubject: subjects.lifecycle.killed, ackWaitMs: ACK_WAIT_MS, maxAckPending: 100 });
  }, 60_000);

  afterAll(async () => {
    holder?.kill('SIGKILL');
    await app?.close();
    await nc?.close();
    await nats?.dispose();
  }, 60_000);

  const send = (reason: string) =>
    new EventPublisher(nc, namespace).publish(
      createEvent(
        'news.article.killed',
        { articleId: randomUUID(), reason, revision: 1, killedAt: new Date().toISOString() },
        { correlationId: reason, producer: 'test' },
      ),
    );

  it(
    'redelivers the message of a killed instance within one ack wait, and never the one a live instance is slowly handling',
    async () => {
      // The instance that dies: it takes the first message, then gets kill -9.
      await send('dead-instance');
      holder = spawn(process.execPath, [path.join(import.meta.dirname, '../harness/fault-hold-one.mjs'), nats.url, stream, durable], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve, reject) => {
        createInterface({ input: holder!.stdout! }).once('line', (line) => (line.startsWith('held') ? resolve() : reject(new Error(line))));
        holder!.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
      });
      const heldAt = Date.now();

      // The live instance, with the transport of the services.
      const server = new JetStreamServer({
        connection: nc,
        consumer: { stream, durable, filterSubject: subjects.lifecycle.killed, ackWaitMs: ACK_WAIT_MS, maxAckPending: 100 },
        concurrency: 4,
        retry: { maxDeliveries: 5, baseDelayMs: 100, maxDelayMs: 1000 },
        deadLetters: new DeadLetterPublisher(new EventPublisher(nc, namespace), 'publishing'),
      });
      app = await NestFactory.createMicroservice(SlowModule, { strategy: server, logger: false });
      await app.listen();
      await send('slow-handler');

      holder.kill('SIGKILL');
      const killedAt = Date.now();
      await waitFor('the killed instance’s message', () => finished.has('dead-instance'), ACK_WAIT_MS * 3);
      const redelivered = deliveries.find((d) => d.reason === 'dead-instance')!;
      await waitFor('the slow handler', () => finished.has('slow-handler'), SLOW_HANDLER_MS + ACK_WAIT_MS * 2);
      // A redelivery of the slow message would land within one more ack wait.
      await new Promise((resolve) => setTimeout(resolve, ACK_WAIT_MS + 1000));

      const info = await (await jetstreamManager(nc)).consumers.info(stream, durable);
      const slow = deliveries.filter((d) => d.reason === 'slow-handler');
      print(
        `ack wait ${ACK_WAIT_MS} ms: killed instance's message redelivered ${((redelivered.at - killedAt) / 1000).toFixed(1)} s after the kill ` +
          `(${((redelivered.at - heldAt) / 1000).toFixed(1)} s after it was taken); slow handler ran ${(SLOW_HANDLER_MS / 1000).toFixed(1)} s ` +
          `and was delivered ${slow.length} time(s); consumer: ${info.num_ack_pending} pending`,
      );
      expect(redelivered.at - heldAt).toBeLessThan(ACK_WAIT_MS + 3000);
      expect(slow.map((d) => d.deliveryCount)).toEqual([1]);
      expect(deliveries.filter((d) => d.reason === 'dead-instance').map((d) => d.deliveryCount)).toEqual([2]);
      expect({ pending: info.num_ack_pending, waiting: info.num_pending }).toEqual({ pending: 0, waiting: 0 });
    },
    SLOW_HANDLER_MS + ACK_WAIT_MS * 6,
  );
});
