import { Inject, Injectable, SetMetadata, applyDecorators, createParamDecorator, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException } from '../problem-details.js';
import { findKey, grants, type ApiKey, type Scope } from './api-keys.js';

export const REQUIRED_SCOPE = 'depeche:scope';
export const PUBLIC_ROUTE = 'depeche:public';

/**
 * The route needs a key holding this scope (admin holds them all). On a handler it also goes into Fastify's route
 * config, where the early hook reads it: a key without the scope is refused before the body is read.
 */
export const RequireScope = (scope: Scope) => applyDecorators(SetMetadata(REQUIRED_SCOPE, scope), RouteConfig({ [ROUTE_SCOPE]: scope }));
/** The key of the required scope in Fastify's route config. */
export const ROUTE_SCOPE = 'depecheScope';
/** The route answers without a key (health, metrics, docs; the read API unless configured otherwise). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Where the key a request came with is left, by the early hook or by the guard. */
const REQUEST_KEY = Symbol('depeche:key');
type KeyedRequest = FastifyRequest & { [REQUEST_KEY]?: ApiKey };

/** The name of the API key the request came with (undefined on a route that needs none). */
export const ApiKeyName = createParamDecorator(
  (_: unknown, context: ExecutionContext): string | undefined => context.switchToHttp().getRequest<KeyedRequest>()[REQUEST_KEY]?.name,
);
/** The API key the request came with, scopes and newsroom included (undefined on a route that needs none). */
export const CallerKey = createParamDecorator(
  (_: unknown, context: ExecutionContext): ApiKey | undefined => context.switchToHttp().getRequest<KeyedRequest>()[REQUEST_KEY],
);

/** Who the caller is: the key's name and the scopes it holds (never the secret or its digest). */
export interface CallerIdentity {
  name: string;
  scopes: Scope[];
}

export const Caller = createParamDecorator((_: unknown, context: ExecutionContext): CallerIdentity | undefined => {
  const key = context.switchToHttp().getRequest<KeyedRequest>()[REQUEST_KEY];
  return key && { name: key.name, scopes: [...key.scopes] };
});

export interface AccessPolicy {
  keys: readonly ApiKey[];
  /** Requests a minute per key, per address without a valid key, per address on public routes (see request-limits.ts). */
  limits: AccessLimits;
  /** When false, routes not marked @RequireScope answer without a key (publishing's read API). */
  keyRequiredByDefault: boolean;
}

export interface AccessLimits {
  /** Requests a minute per API key. */
  perMinute: number;
  /** Requests a minute without a valid key, per client address. */
  unauthenticatedPerMinute: number;
  /** Requests a minute to routes open to anyone (the public read API), per client address; unlimited when absent. */
  publicPerMinute?: number;
}

export const ACCESS_POLICY = Symbol('ACCESS_POLICY');

/** Bearer API keys with scopes (their rates: request-limits.ts). Refusals are 401 and 403 problem+json. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(ACCESS_POLICY) private readonly policy: AccessPolicy,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const scope = this.reflector.getAllAndOverride<Scope | undefined>(REQUIRED_SCOPE, targets);
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, targets);
    if (!scope && isPublic) return true;
    const http = context.switchToHttp();
    if (!scope && !this.policy.keyRequiredByDefault) return true;
    const request = http.getRequest<KeyedRequest>();
    const key = authenticate(this.policy, request, http.getResponse<FastifyReply>());
    checkAccess(key, scope);
    return true;
  }
}

/** 403 when the key does not hold the route's scope (the rate was counted before, in the first hook). */
export function checkAccess(key: ApiKey, scope: Scope | undefined): void {
  if (scope && !grants(key, scope)) throw ProblemException.of(403, 'forbidden', 'Forbidden', `The key "${key.name}" does not hold the "${scope}" scope.`);
}

/** The valid API key the request came with, found once per request (the first hook, the early check and the guard ask). */
export function identify(policy: AccessPolicy, request: FastifyRequest): ApiKey | undefined {
  const keyed = request as KeyedRequest;
  if (keyed[REQUEST_KEY]) return keyed[REQUEST_KEY];
  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  const key = token ? findKey(policy.keys, token) : undefined;
  if (key) keyed[REQUEST_KEY] = key;
  return key;
}

/** The key of the request; without a valid one, 401 (requests without one were already counted against their address). */
export function authenticate(policy: AccessPolicy, request: FastifyRequest, reply: FastifyReply): ApiKey {
  const key = identify(policy, request);
  if (key) return key;
  const token = /^Bearer\s+(\S+)$/i.test(request.headers.authorization ?? '');
  void reply.header('www-authenticate', 'Bearer realm="depeche"');
  throw ProblemException.of(401, 'unauthorized', 'Unauthorized', token ? 'The API key is not valid.' : 'Send an API key: Authorization: Bearer <key>.');
}
