import { describe, expect, it } from '@jest/globals';
import { subjectsFor } from '#contracts';
import { EventPublisher, MessagingRuntime } from '#messaging';
import { newTestService } from '#runtime/testing';
import { OutboxRepository, type OutboxWrite } from '../repositories/outbox.repository.js';
import { OutboxRelayService } from './outbox-relay.service.js';

const PUBLISHED = subjectsFor('news').lifecycle.published;
const row = (n: number, traceparent?: string): OutboxWrite => ({
  subject: PUBLISHED,
  msgId: `m${n}`,
  payload: `{"n":${n}}`,
  correlationId: `c${n}`,
  ...(traceparent ? { traceparent } : {}),
});

function relay(batchSize = 2) {
  const built = newTestService(OutboxRelayService, { 3: batchSize });
  built.mock(OutboxRepository).relayBatch.mockResolvedValue(0);
  built.mock(OutboxRepository).deleteDelivered.mockResolvedValue(undefined);
  built.mock(EventPublisher).publishSerialized.mockResolvedValue({ seq: 1, stream: 'S', duplicate: false });
  return built;
}

describe('OutboxRelayService', () => {
  it('publishes rows as the writer hands them over, with their msg id and headers, then deletes them in one batch', async () => {
    const { sut, mock } = relay();
    sut.deliver([row(1, '00-abc-def-01'), row(2)]);
    await sut.stop();
    expect(mock(EventPublisher).publishSerialized.mock.calls).toEqual([
      [PUBLISHED, '{"n":1}', { msgId: 'm1', headers: { 'Depeche-Correlation-Id': 'c1', traceparent: '00-abc-def-01' } }],
      [PUBLISHED, '{"n":2}', { msgId: 'm2', headers: { 'Depeche-Correlation-Id': 'c2' } }],
    ]);
    expect(mock(OutboxRepository).deleteDelivered.mock.calls).toEqual([[['m1', 'm2']]]);
  });

  it('publishes a row with a copy on both subjects, each with its own msg id, the payload encoded once', async () => {
    const { sut, mock } = relay();
    const routed = subjectsFor('news').routed('published', 'fr', 'Économie');
    sut.deliver([{ ...row(1), copySubject: routed, copyMsgId: 'm1:routed' }]);
    await sut.stop();
    const calls = mock(EventPublisher).publishSerialized.mock.calls;
    expect(calls.map(([subject, , options]) => [subject, options.msgId])).toEqual([
      [PUBLISHED, 'm1'],
      [routed, 'm1:routed'],
    ]);
    expect(new TextDecoder().decode(calls[0]![1] as Uint8Array)).toBe('{"n":1}');
    expect(calls[1]![1]).toBe(calls[0]![1]);
    expect(mock(OutboxRepository).deleteDelivered.mock.calls).toEqual([[['m1']]]);
  });

  it('leaves rows whose publish failed in the table, for the sweep', async () => {
    const { sut, mock } = relay();
    mock(EventPublisher).publishSerialized.mockRejectedValueOnce(new Error('NATS away'));
    sut.deliver([row(1)]);
    await sut.stop();
    expect(mock(OutboxRepository).deleteDelivered).not.toHaveBeenCalled();
  });

  it('sweeps at start everything a previous run left, batch after batch until one comes back short', async () => {
    const { sut, mock } = relay(2);
    const outbox = mock(OutboxRepository);
    const batches = [[row(1), row(2)], [row(3)]];
    outbox.relayBatch.mockImplementation(async (_limit, _age, publish) => {
      const batch = batches.shift() ?? [];
      await publish(batch);
      return batch.length;
    });
    sut.onApplicationBootstrap();
    expect(mock(MessagingRuntime).beforeDrain).toHaveBeenCalledTimes(1);
    await sut.stop();
    expect(outbox.relayBatch.mock.calls[0]!.slice(0, 2)).toEqual([2, 0]);
    expect(mock(EventPublisher).publishSerialized.mock.calls.map((call) => call[2].msgId)).toEqual(['m1', 'm2', 'm3']);
  });

  it('does nothing with an empty handover', async () => {
    const { sut, mock } = relay();
    sut.deliver([]);
    await sut.stop();
    expect(mock(EventPublisher).publishSerialized).not.toHaveBeenCalled();
  });
});
