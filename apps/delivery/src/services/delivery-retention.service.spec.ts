import { describe, expect, it } from '@jest/globals';
import { newTestService } from '#runtime/testing';
import { DeliveryRepository } from '../repositories/delivery.repository.js';
import { DeliveryRetention, type RetentionSettings } from './delivery-retention.service.js';

const settings: RetentionSettings = { keepMs: 3_600_000, everyMs: 600_000, batch: 2 };

describe('DeliveryRetention', () => {
  it('forgets what is older than its retention, batch after batch until one comes back short', async () => {
    const { sut, mock } = newTestService(DeliveryRetention, { 1: settings });
    const forget = mock(DeliveryRepository).forget;
    forget
      .mockResolvedValueOnce({ deliveries: 2, events: 0 })
      .mockResolvedValueOnce({ deliveries: 1, events: 2 })
      .mockResolvedValueOnce({ deliveries: 0, events: 1 });
    const now = new Date('2026-12-07T12:00:00Z');
    expect(await sut.sweep(now)).toEqual({ deliveries: 3, events: 3 });
    expect(forget.mock.calls).toEqual(Array(3).fill([new Date('2026-12-07T11:00:00Z'), 2]));
  });

  it('stops after one batch when nothing is left', async () => {
    const { sut, mock } = newTestService(DeliveryRetention, { 1: settings });
    mock(DeliveryRepository).forget.mockResolvedValue({ deliveries: 0, events: 0 });
    expect(await sut.sweep()).toEqual({ deliveries: 0, events: 0 });
    expect(mock(DeliveryRepository).forget).toHaveBeenCalledTimes(1);
  });
});
