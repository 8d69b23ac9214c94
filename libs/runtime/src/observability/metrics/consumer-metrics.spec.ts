import { describe, expect, it } from '@jest/globals';
import { Registry } from 'prom-client';
import { subjectsFor } from '#contracts';
import { JetStreamConsumerMetrics } from './consumer-metrics.js';

const SUBJECT = subjectsFor('news').ingested;

async function values(registry: Registry, name: string): Promise<Array<{ labels: Record<string, unknown>; value: number }>> {
  const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === name);
  return (metric?.values ?? []) as Array<{ labels: Record<string, unknown>; value: number }>;
}

describe('JetStreamConsumerMetrics', () => {
  it('counts received, processed, failed and dead-lettered events by subject', async () => {
    const registry = new Registry();
    const metrics = new JetStreamConsumerMetrics(registry);
    for (let i = 0; i < 4; i++) metrics.onReceived(SUBJECT);
    metrics.onOutcome(SUBJECT, { kind: 'ack' }, 0.002);
    metrics.onOutcome(SUBJECT, { kind: 'nak', delayMs: 250 }, 0.01);
    metrics.onOutcome(SUBJECT, { kind: 'term', reason: 'invalid' }, 0.001);
    metrics.onOutcome(SUBJECT, { kind: 'term', reason: 'exhausted' }, 0.03);

    expect(await values(registry, 'depeche_events_received_total')).toEqual([{ labels: { subject: SUBJECT }, value: 4 }]);
    expect(await values(registry, 'depeche_events_processed_total')).toEqual([{ labels: { subject: SUBJECT }, value: 1 }]);
    expect(await values(registry, 'depeche_events_failed_total')).toEqual(
      expect.arrayContaining([
        { labels: { subject: SUBJECT, reason: 'transient' }, value: 1 },
        { labels: { subject: SUBJECT, reason: 'invalid' }, value: 1 },
        { labels: { subject: SUBJECT, reason: 'exhausted' }, value: 1 },
      ]),
    );
    expect(await values(registry, 'depeche_events_dead_lettered_total')).toEqual(
      expect.arrayContaining([
        { labels: { subject: SUBJECT, reason: 'invalid' }, value: 1 },
        { labels: { subject: SUBJECT, reason: 'exhausted' }, value: 1 },
      ]),
    );
    const counts = (await values(registry, 'depeche_event_handling_seconds')).filter(
      (v) => (v as { metricName?: string }).metricName === 'depeche_event_handling_seconds_count',
    );
    expect(counts.map((v) => [v.labels.outcome, v.value]).sort()).toEqual([
      ['ack', 1],
      ['nak', 1],
      ['term', 2],
    ]);
  });

  it('shows a subject at zero from its first event on, failures included', async () => {
    const registry = new Registry();
    new JetStreamConsumerMetrics(registry).onReceived(SUBJECT);
    const text = await registry.metrics();
    expect(text).toContain(`depeche_events_dead_lettered_total{subject="${SUBJECT}",reason="invalid"} 0`);
    expect(text).toContain(`depeche_events_failed_total{subject="${SUBJECT}",reason="transient"} 0`);
  });
});
