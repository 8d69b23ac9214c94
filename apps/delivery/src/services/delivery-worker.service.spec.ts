import { describe, expect, it } from '@jest/globals';
import { untagged } from '#contracts';
import { newTestService } from '#runtime/testing';
import { DeliveryRepository, type ClaimedDelivery, type LeasedDelivery } from '../repositories/delivery.repository.js';
import { SubscriberEndpointRepository } from '../repositories/subscriber-endpoint.repository.js';
import { DeliveryWorker, type DeliverySettings } from './delivery-worker.service.js';

const settings: DeliverySettings = {
  schedule: { baseDelayMs: 1000, maxDelayMs: 60_000, maxAgeMs: 3_600_000 },
  concurrency: 8,
  perSubscriber: 2,
  pollMs: 60_000,
  pauseAfterFailures: 5,
  provider: 'Dépêche',
};

const claimed = (id: string, url: string): ClaimedDelivery => ({
  id,
  subscriberId: '9b1d0000-0000-4000-8000-000000000001',
  eventId: `5f2c0000-0000-4000-8000-00000000000${id}`,
  type: 'news.article.published',
  articleId: '6c1f0000-0000-4000-8000-000000000001',
  revision: 1,
  occurredAt: new Date('2026-12-07T10:00:00Z'),
  data: {
    revision: 1,
    publishedAt: '2026-12-07T10:00:00.000Z',
    article: {
      id: '6c1f0000-0000-4000-8000-000000000001',
      source: 'editor',
      version: 1,
      headline: 'Titre',
      bodyHtml: '<p>Texte.</p>',
      bodyText: 'Texte.',
      pubStatus: 'usable',
      versionCreated: '2026-12-07T10:00:00.000Z',
      ...untagged(),
    },
  },
  attempts: 1,
  createdAt: new Date(),
  url,
  format: 'ninjs',
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
});

function worker() {
  const built = newTestService(DeliveryWorker, { 3: settings });
  Object.assign(built.mock(SubscriberEndpointRepository), { policy: { allowPrivateNetworks: false, timeoutMs: 1000, maxBytes: 1000 } });
  return built;
}

/** Runs one claim round and waits for its deliveries to be recorded. */
async function round(sut: DeliveryWorker, recorded: () => number, expected: number): Promise<void> {
  sut.wake();
  for (let i = 0; i < 100 && recorded() < expected; i++) await new Promise((resolve) => setTimeout(resolve, 5));
  await sut.onApplicationShutdown();
}

/** What the claim answers: the delivery without its event's data. */
const leased = ({ data: _data, ...delivery }: ClaimedDelivery): LeasedDelivery => delivery;

describe('DeliveryWorker', () => {
  it('claims with its limits, reads each event it lacks once, posts each signed delivery and records what each answer means', async () => {
    const { sut, mock } = worker();
    const deliveries = mock(DeliveryRepository);
    const owedHere = claimed('1', 'https://a.example/ok');
    // Delivery 1's event was owed by this instance (its data at hand); 2 and 3 were owed elsewhere.
    sut.owed(owedHere);
    deliveries.claimDue.mockResolvedValueOnce([owedHere, claimed('2', 'https://a.example/busy'), claimed('3', 'https://a.example/gone')].map(leased));
    deliveries.claimDue.mockResolvedValue([]);
    deliveries.eventData.mockImplementation(async (ids) => new Map(ids.map((id) => [id, claimed('2', '').data])));
    deliveries.record.mockResolvedValue(undefined);
    mock(SubscriberEndpointRepository).post.mockImplementation(async (url) =>
      url.endsWith('/ok') ? { status: 204 } : url.endsWith('/busy') ? { status: 503, retryAfter: '30' } : { status: 410 },
    );

    const recorded = () => deliveries.record.mock.calls.flatMap(([batch]) => batch);
    await round(sut, () => recorded().length, 3);

    expect(deliveries.claimDue.mock.calls[0]![0]).toEqual({ limit: 8, perSubscriber: 2, leaseMs: 7000, inFlight: expect.any(Map) });
    expect(deliveries.eventData.mock.calls[0]![0]).toEqual([claimed('2', '').eventId, claimed('3', '').eventId]);
    const [url, request] = mock(SubscriberEndpointRepository).post.mock.calls[0]!;
    expect(url).toBe('https://a.example/ok');
    expect(request.headers).toMatchObject({ 'webhook-id': `${claimed('1', '').eventId}.${claimed('1', '').subscriberId}`, 'content-type': 'application/json' });
    expect(request.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(deliveries.record.mock.calls.every(([, pauseAfter]) => pauseAfter === 5)).toBe(true);
    const outcomes = Object.fromEntries(recorded().map(({ delivery, outcome }) => [delivery.id, outcome]));
    expect(outcomes['1']).toMatchObject({ kind: 'delivered', status: 204 });
    expect(outcomes['2']).toMatchObject({ kind: 'retry', delayMs: 30_000, status: 503, error: 'HTTP 503' });
    expect(outcomes['3']).toEqual({ kind: 'failed', status: 410, error: 'HTTP 410' });
  });

  it('tells each claim what it has in flight per subscriber, to count against the limit', async () => {
    const { sut, mock } = worker();
    const deliveries = mock(DeliveryRepository);
    deliveries.eventData.mockResolvedValue(new Map());
    const sent: Array<() => void> = [];
    mock(SubscriberEndpointRepository).post.mockImplementation(() => new Promise((resolve) => sent.push(() => resolve({ status: 204 }))));
    const seen: Array<Record<string, number>> = [];
    const both = ['1', '2'].map((n) => claimed(n, 'https://a.example/ok'));
    deliveries.claimDue.mockImplementation(async ({ inFlight }) => {
      seen.push(Object.fromEntries(inFlight));
      return seen.length === 1 ? both.map(leased) : [];
    });
    deliveries.record.mockResolvedValue(undefined);
    // Two events owed here: the first wakes a claim, the second one more once it is done.
    for (const delivery of both) sut.owed(delivery);
    for (let i = 0; i < 100 && (sent.length < 2 || seen.length < 2); i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(seen[1]).toEqual({ [claimed('1', '').subscriberId]: 2 });
    for (const finish of sent) finish();
    await sut.onApplicationShutdown();
    expect(deliveries.record.mock.calls.flatMap(([batch]) => batch)).toHaveLength(2);
  });

  it('claims nothing once stopped, and survives a claim that fails', async () => {
    const { sut, mock } = worker();
    const deliveries = mock(DeliveryRepository);
    deliveries.claimDue.mockRejectedValueOnce(new Error('database away'));
    await round(sut, () => 0, 0);
    sut.wake();
    expect(deliveries.claimDue).toHaveBeenCalledTimes(1);
  });
});
