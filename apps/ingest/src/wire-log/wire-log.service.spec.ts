import { describe, expect, it } from '@jest/globals';
import type { MessageEvent } from '@nestjs/common';
import type { IntakeStatus, WireItemReceivedV1 } from '#contracts';
import { newTestService } from '#runtime/testing';
import { IntakeStatusRepository } from '../repositories/intake-status.repository.js';
import { WireLogRepository, type WireLogSink } from './wire-log.repository.js';
import { WireLogService } from './wire-log.service.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const line = (over: Partial<WireItemReceivedV1> = {}): WireItemReceivedV1 => ({
  receivedAt: new Date().toISOString(),
  channel: 'wire',
  source: 'afp',
  newsroom: 'agency',
  outcome: 'new',
  ...over,
});

/** The service with a stream whose tail holds `stored` lines, and appends numbered after them. */
async function wireLog(stored: WireItemReceivedV1[] = []) {
  const built = newTestService(WireLogService, { 2: { maxItems: 1000, maxAgeMs: 86_400_000 } });
  let seq = stored.length;
  let sink: WireLogSink = () => undefined;
  built.mock(WireLogRepository).tail.mockImplementation(async (handOver) => {
    sink = handOver;
    stored.forEach((record, k) => handOver(k + 1, record));
    return { caughtUp: Promise.resolve(), stop: async () => undefined };
  });
  built.mock(WireLogRepository).append.mockImplementation(async () => ++seq);
  let onStatus: (status: IntakeStatus) => void = () => undefined;
  const stopWatch = { calls: 0 };
  built.mock(IntakeStatusRepository).watchStatuses.mockImplementation(async (listener) => {
    onStatus = listener;
    return () => void stopWatch.calls++;
  });
  await built.sut.onModuleInit();
  return { ...built, fromOtherInstance: (n: number, record: WireItemReceivedV1) => sink(n, record), status: (s: IntakeStatus) => onStatus(s), stopWatch };
}

describe('WireLogService', () => {
  it('serves the lines in the stream at start and its own writes at once, newest first, each with its status now', async () => {
    const log = await wireLog([line({ articleId: A, headline: 'earlier' })]);
    await log.sut.record([line({ articleId: B, headline: 'mine' })], 'corr');
    log.mock(IntakeStatusRepository).getStatus.mockImplementation(async (id) => (id === A ? { articleId: A, status: 'published', updatedAt: 't' } : undefined));
    const page = await log.sut.page({}, undefined, 10);
    expect(page.items.map((i) => [i.id, i.headline, i.status?.status])).toEqual([
      ['2', 'mine', undefined],
      ['1', 'earlier', 'published'],
    ]);
  });

  it('drops a line it cannot write instead of failing the intake that called it', async () => {
    const log = await wireLog();
    log.mock(WireLogRepository).append.mockRejectedValueOnce(new Error('NATS away'));
    await expect(log.sut.record([line()], 'corr')).resolves.toBeUndefined();
    expect((await log.sut.page({}, undefined, 10)).items).toEqual([]);
  });

  it('streams what was missed after Last-Event-ID, then new lines and status changes within the filter, watching statuses only while someone listens', async () => {
    const log = await wireLog([line({ articleId: A }), line({ articleId: B, newsroom: 'other' })]);
    const events: MessageEvent[] = [];
    const subscription = log.sut.live({ newsroom: 'agency' }, 0).subscribe((event) => events.push(event));
    expect(log.mock(IntakeStatusRepository).watchStatuses).toHaveBeenCalledTimes(1);
    log.fromOtherInstance(3, line({ outcome: 'duplicate', articleId: A }));
    log.fromOtherInstance(3, line({ outcome: 'duplicate', articleId: A })); // the tail and the writer both hand it over: once
    await new Promise((resolve) => setImmediate(resolve));
    log.status({ articleId: A, status: 'published', updatedAt: 't' });
    log.status({ articleId: B, status: 'published', updatedAt: 't' }); // another newsroom's
    expect(events.map((e) => [e.type, e.id])).toEqual([
      ['item', '1'],
      ['item', '3'],
      ['status', undefined],
    ]);
    subscription.unsubscribe();
    await new Promise((resolve) => setImmediate(resolve));
    expect(log.stopWatch.calls).toBe(1);
  });

  it('closes the open streams when the service shuts down', async () => {
    const log = await wireLog();
    let completed = false;
    log.sut.live({}, undefined).subscribe({ complete: () => (completed = true) });
    await log.sut.onApplicationShutdown();
    expect(completed).toBe(true);
  });
});
