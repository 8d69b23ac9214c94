import { Counter, Histogram, type Registry } from 'prom-client';
import type { ConsumerMetrics, DeliveryOutcome } from '#messaging';
import { DURATION_BUCKETS } from './service-registry.js';

type CounterChild = ReturnType<Counter<string>['labels']>;
type HistogramChild = ReturnType<Histogram<string>['labels']>;
type DeadLetterReason = Extract<DeliveryOutcome, { kind: 'term' }>['reason'];

/** The label children of one subject, made once: per message only increments and one observe remain. */
interface SubjectSeries {
  received: CounterChild;
  processed: CounterChild;
  failed: Record<'transient' | DeadLetterReason, CounterChild>;
  deadLettered: Record<DeadLetterReason, CounterChild>;
  seconds: Record<DeliveryOutcome['kind'], HistogramChild>;
}

/** Events received, processed, failed and dead-lettered by subject, and how long handling took. */
export class JetStreamConsumerMetrics implements ConsumerMetrics {
  private readonly received: Counter<'subject'>;
  private readonly processed: Counter<'subject'>;
  private readonly failed: Counter<'subject' | 'reason'>;
  private readonly deadLettered: Counter<'subject' | 'reason'>;
  private readonly seconds: Histogram<'subject' | 'outcome'>;
  private readonly series = new Map<string, SubjectSeries>();

  constructor(registry: Registry) {
    const registers = [registry];
    this.received = new Counter({
      name: 'depeche_events_received_total',
      help: 'Events delivered to this service, redeliveries included',
      labelNames: ['subject'],
      registers,
    });
    this.processed = new Counter({ name: 'depeche_events_processed_total', help: 'Events handled and acknowledged', labelNames: ['subject'], registers });
    this.failed = new Counter({
      name: 'depeche_events_failed_total',
      help: 'Failed handling attempts: transient (retried later), invalid or exhausted (dead-lettered)',
      labelNames: ['subject', 'reason'],
      registers,
    });
    this.deadLettered = new Counter({
      name: 'depeche_events_dead_lettered_total',
      help: 'Events terminated and sent to the dead-letter subject',
      labelNames: ['subject', 'reason'],
      registers,
    });
    this.seconds = new Histogram({
      name: 'depeche_event_handling_seconds',
      help: 'Time from delivery to ack, nak or term',
      labelNames: ['subject', 'outcome'],
      buckets: DURATION_BUCKETS,
      registers,
    });
  }

  /** Creates the series of a subject at zero before its first event, so rates and alerts start from 0. */
  prepare(subject: string): SubjectSeries {
    let series = this.series.get(subject);
    if (!series) {
      series = {
        received: this.received.labels(subject),
        processed: this.processed.labels(subject),
        failed: {
          transient: this.failed.labels(subject, 'transient'),
          invalid: this.failed.labels(subject, 'invalid'),
          exhausted: this.failed.labels(subject, 'exhausted'),
        },
        deadLettered: { invalid: this.deadLettered.labels(subject, 'invalid'), exhausted: this.deadLettered.labels(subject, 'exhausted') },
        seconds: { ack: this.seconds.labels(subject, 'ack'), nak: this.seconds.labels(subject, 'nak'), term: this.seconds.labels(subject, 'term') },
      };
      // prom-client exports a labelled series only once it has a value: start them at 0.
      for (const counter of [series.received, series.processed, ...Object.values(series.failed), ...Object.values(series.deadLettered)]) counter.inc(0);
      for (const outcome of ['ack', 'nak', 'term'] as const) this.seconds.zero({ subject, outcome });
      this.series.set(subject, series);
    }
    return series;
  }

  onReceived(subject: string): void {
    this.prepare(subject).received.inc();
  }

  onOutcome(subject: string, outcome: DeliveryOutcome, seconds: number): void {
    const series = this.prepare(subject);
    series.seconds[outcome.kind].observe(seconds);
    if (outcome.kind === 'ack') return series.processed.inc();
    if (outcome.kind === 'nak') return series.failed.transient.inc();
    series.failed[outcome.reason].inc();
    series.deadLettered[outcome.reason].inc();
  }
}
