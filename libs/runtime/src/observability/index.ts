export { ObservabilityModule } from './observability.module.js';
export { Observability } from './observability.js';
export { instrumentService } from './instrument-service.js';
export { installTracing } from './tracing/tracer-provider.js';
