import type { Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ACCESS_POLICY, ApiKeyGuard, type AccessPolicy } from './api-key.guard.js';
import type { ApiKey } from './api-keys.js';
import { RateLimiter } from './rate-limiter.js';

export interface AccessLimits {
  /** Requests a minute per API key. */
  perMinute: number;
  /** Requests a minute without a valid key, per client address. */
  unauthenticatedPerMinute: number;
  /** Requests a minute to routes open to anyone (the public read API), per client address; unlimited when absent. */
  publicPerMinute?: number;
}

/** The API-key guard on every route of the service, with its policy. */
export function accessProviders(keys: readonly ApiKey[], limits: AccessLimits, keyRequiredByDefault: boolean): Provider[] {
  const policy: AccessPolicy = {
    keys,
    limiter: new RateLimiter(limits.perMinute),
    unauthenticated: new RateLimiter(limits.unauthenticatedPerMinute),
    ...(limits.publicPerMinute ? { publicReads: new RateLimiter(limits.publicPerMinute) } : {}),
    keyRequiredByDefault,
  };
  return [
    { provide: ACCESS_POLICY, useValue: policy },
    { provide: APP_GUARD, useClass: ApiKeyGuard },
  ];
}
