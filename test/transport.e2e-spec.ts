import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import 'reflect-metadata';
import { Events, streamNames, subjectsFor, type DeadLetterV1, type EventOf } from '#contracts';
import { createEvent, DeadLetterPublisher, ensureStreams, EventController, EventPublisher, JetStreamServer, PermanentError } from '#messaging';
import { createTestNamespace, type TestNamespace } from './harness/namespace.js';
import { collect, eventually } from './harness/subscriptions.js';

/** Remembers each delivery it saw, and fails on purpose according to the headline. */
const seen: Array<{ headline: string; at: number }> = [];
const received: Array<EventOf<'news.article.killed'>> = [];

@EventController()
class ScriptedHandler {
  @EventPattern(Events.articleKilled.type)
  async handle(@Payload() event: EventOf<'news.article.killed'>): Promise<void> {
    const headline = event.data.reason;
    const attempts = seen.filter((s) => s.headline === headline).length;
    seen.push({ headline, at: Date.now() });
    if (headline.startsWith('throws-once') && attempts === 0) throw new Error('database hiccup');
    if (headline.startsWith('always-fails')) throw new Error('still down');
    if (headline.startsWith('invalid')) throw new PermanentError('cannot ever work');
    if (headline.startsWith('slow')) await new Promise((resolve) => setTimeout(resolve, 300));
    if (headline.startsWith('newer-minor')) received.push(event);
  }
}

@Module({ controllers: [ScriptedHandler] })
class ScriptedModule {}

describe('JetStream transport', () => {
  let ns: TestNamespace;
  let app: INestMicroservice;
  let server: JetStreamServer;
  let publisher: EventPublisher;
  const subjects = () => subjectsFor(ns.namespace);

  const startApp = async () => {
    server = new JetStreamServer({
      connection: ns.nc,
      consumer: {
        stream: streamNames(ns.namespace).events,
        durable: 'scripted',
        filterSubject: subjects().lifecycle.killed,
        ackWaitMs: 2000,
        maxAckPending: 100,
      },
      concurrency: 4,
      retry: { maxDeliveries: 3, baseDelayMs: 50, maxDelayMs: 200 },
      deadLetters: new DeadLetterPublisher(publisher, 'publishing'),
    });
    app = await NestFactory.createMicroservice(ScriptedModule, { strategy: server, logger: false });
    await app.listen();
  };

  const killedEvent = (reason: string) =>
    createEvent(
      Events.articleKilled.type,
      { articleId: randomUUID(), reason, revision: 1, killedAt: new Date().toISOString() },
      { correlationId: reason, producer: 'test' },
    );
  const send = (reason: string) => publisher.publish(killedEvent(reason));
  /** As a producer built against another version of the catalogue would send it. */
  const sendRaw = (envelope: object) => jetstream(ns.nc).publish(subjects().lifecycle.killed, JSON.stringify(envelope));
  const attemptsOf = (headline: string) => seen.filter((s) => s.headline === headline);

  beforeAll(async () => {
    ns = await createTestNamespace();
    await ensureStreams(await jetstreamManager(ns.nc), { namespace: ns.namespace, maxAgeMs: 3_600_000, maxBytes: -1, duplicateWindowMs: 60_000, replicas: 1 });
    publisher = new EventPublisher(ns.nc, ns.namespace);
    await startApp();
  }, 30_000);

  afterAll(async () => {
    await app?.close();
    await ns?.dispose();
  }, 30_000);

  it('retries a handler that throws once, after a delay, and then acks it', async () => {
    await send('throws-once-1');
    const attempts = await eventually('a second delivery', () => (attemptsOf('throws-once-1').length >= 2 ? attemptsOf('throws-once-1') : undefined));
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(35);
    // Acked: no third delivery even after the ack wait has passed.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(attemptsOf('throws-once-1')).toHaveLength(2);
  }, 15_000);

  it('dead-letters an invalid message at once, and an always-failing one after its last delivery', async () => {
    const letters = collect<DeadLetterV1>(ns.nc, subjects().deadLetter('publishing'));
    await send('invalid-1');
    await send('always-fails-1');
    const both = await eventually('two dead letters', () => (letters.events.length >= 2 ? letters.events : undefined), 10_000);
    letters.stop();
    const byReason = Object.fromEntries(both.map((l) => [l.data.reason, l.data]));
    expect(byReason.invalid).toMatchObject({ deliveryCount: 1, error: 'PermanentError: cannot ever work', subject: subjects().lifecycle.killed });
    expect(byReason.exhausted).toMatchObject({ deliveryCount: 3, error: 'Error: still down' });
    expect(JSON.parse(byReason.invalid!.payload).data.reason).toBe('invalid-1');
    expect(attemptsOf('invalid-1')).toHaveLength(1);
    expect(attemptsOf('always-fails-1')).toHaveLength(3);
  }, 15_000);

  it('dead-letters an event of a major version it does not read, saying so', async () => {
    const letters = collect<DeadLetterV1>(ns.nc, subjects().deadLetter('publishing'));
    await sendRaw({ ...killedEvent('major-2'), version: 2 });
    const [letter] = await eventually('the dead letter', () => (letters.events.length ? letters.events : undefined), 10_000);
    letters.stop();
    expect(letter!.data).toMatchObject({ reason: 'invalid', deliveryCount: 1, subject: subjects().lifecycle.killed });
    expect(letter!.data.error).toBe(
      'ContractViolation: news.article.killed event is invalid: version is 2, a major version this consumer does not read (it reads 1.x)',
    );
    expect(attemptsOf('major-2')).toHaveLength(0);
  }, 15_000);

  it('accepts a newer minor version with fields it does not know, and acks it', async () => {
    const event = killedEvent('newer-minor-1');
    await sendRaw({ ...event, minorVersion: 4, replayedFrom: 'archive', data: { ...event.data, severity: 'legal' } });
    const [handled] = await eventually('the newer minor handled', () => (received.length ? received : undefined), 10_000);
    expect(handled).toMatchObject({ id: event.id, version: 1, minorVersion: 4, data: { reason: 'newer-minor-1', severity: 'legal' } });
    // Acked: no second delivery once the ack wait has passed.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(attemptsOf('newer-minor-1')).toHaveLength(1);
  }, 15_000);

  it('drains on close: in-flight messages finish and are acked, none is delivered again', async () => {
    const names = Array.from({ length: 6 }, (_, i) => `slow-${i}`);
    for (const name of names) await send(name);
    await eventually('the first slow message in flight', () => attemptsOf('slow-0').length > 0 || undefined);
    await app.close();
    const handledBeforeRestart = names.filter((n) => attemptsOf(n).length > 0);
    await startApp();
    await eventually('every slow message handled', () => names.every((n) => attemptsOf(n).length > 0) || undefined, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    for (const name of handledBeforeRestart) expect(attemptsOf(name)).toHaveLength(1);
    for (const name of names) expect(attemptsOf(name)).toHaveLength(1);
  }, 30_000);
});
