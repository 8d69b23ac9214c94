import type { Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ACCESS_POLICY, ApiKeyGuard, type AccessLimits, type AccessPolicy } from './api-key.guard.js';
import type { ApiKey } from './api-keys.js';

/** The API-key guard on every route of the service, with its policy. */
export function accessProviders(keys: readonly ApiKey[], limits: AccessLimits, keyRequiredByDefault: boolean): Provider[] {
  const policy: AccessPolicy = { keys, limits, keyRequiredByDefault };
  return [
    { provide: ACCESS_POLICY, useValue: policy },
    { provide: APP_GUARD, useClass: ApiKeyGuard },
  ];
}
