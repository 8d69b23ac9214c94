import { Counter, Histogram, type Registry } from 'prom-client';
import { DURATION_BUCKETS } from './service-registry.js';

type CounterChild = ReturnType<Counter<string>['labels']>;
type HistogramChild = ReturnType<Histogram<string>['labels']>;

/** Requests by method, route pattern (never the raw URL: bounded label values) and status. */
export class HttpMetrics {
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly seconds: Histogram<'method' | 'route'>;
  private readonly counters = new Map<string, CounterChild>();
  private readonly timers = new Map<string, HistogramChild>();

  constructor(registry: Registry) {
    const registers = [registry];
    this.requests = new Counter({ name: 'depeche_http_requests_total', help: 'HTTP requests answered', labelNames: ['method', 'route', 'status'], registers });
    this.seconds = new Histogram({
      name: 'depeche_http_request_duration_seconds',
      help: 'Time to answer an HTTP request',
      labelNames: ['method', 'route'],
      buckets: DURATION_BUCKETS,
      registers,
    });
  }

  record(method: string, route: string, status: number, seconds: number): void {
    const timerKey = `${method} ${route}`;
    let timer = this.timers.get(timerKey);
    if (!timer) this.timers.set(timerKey, (timer = this.seconds.labels(method, route)));
    timer.observe(seconds);
    const counterKey = `${timerKey} ${status}`;
    let counter = this.counters.get(counterKey);
    if (!counter) this.counters.set(counterKey, (counter = this.requests.labels(method, route, String(status))));
    counter.inc();
  }
}
