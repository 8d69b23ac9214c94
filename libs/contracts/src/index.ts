export * from './article/canonical-article.schema.js';
export * from './article/provenance.schema.js';
export * from './article/tags.schema.js';
export * from './envelope.js';
export * from './events/index.js';
export * from './intake-status.js';
export * from './subjects.js';
export * from './validation.js';
