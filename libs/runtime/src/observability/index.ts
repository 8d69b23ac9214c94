export { ObservabilityModule } from './observability.module.js';
export { Observability } from './observability.js';
export { instrumentService } from './instrument-service.js';
export { installTracing } from './tracing/tracer-provider.js';
export { METRICS_REGISTRY } from './observability-options.js';
export { DURATION_BUCKETS } from './metrics/service-registry.js';
