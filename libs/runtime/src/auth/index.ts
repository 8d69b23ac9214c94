export * from './api-key.guard.js';
export * from './api-keys.js';
export * from './request-limits.js';
export * from './access.providers.js';
export * from './early-authentication.js';
