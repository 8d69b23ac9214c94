export * from './bootstrap.js';
export * from './config.js';
export * from './health.controller.js';
export * from './logging.js';
export * from './problem-details.js';
export * from './messaging-options.js';
