import { Inject, Injectable, SetMetadata, applyDecorators, createParamDecorator, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException } from '../problem-details.js';
import { findKey, grants, type ApiKey, type Scope } from './api-keys.js';
import type { RateLimiter } from './rate-limiter.js';

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
/** Set once the request has been counted against its key's rate and its scope checked (by the early hook). */
const ACCESS_CHECKED = Symbol('depeche:access-checked');
type KeyedRequest = FastifyRequest & { [REQUEST_KEY]?: ApiKey; [ACCESS_CHECKED]?: true };

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
  limiter: RateLimiter;
  /** Requests without a valid key, counted per client address (the socket's, not a forwarded header). */
  unauthenticated: RateLimiter;
  /** Routes open to anyone, per client address (health and metrics, marked @Public, are never limited). */
  publicReads?: RateLimiter;
  /** When false, routes not marked @RequireScope answer without a key (publishing's read API). */
  keyRequiredByDefault: boolean;
}

export const ACCESS_POLICY = Symbol('ACCESS_POLICY');

/** Bearer API keys with scopes, and a rate limit per key. Refusals are 401, 403 and 429 problem+json. */
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
    if (!scope && !this.policy.keyRequiredByDefault) {
      this.limitPublic(http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
      return true;
    }
    const request = http.getRequest<KeyedRequest>();
    const key = authenticate(this.policy, request, http.getResponse<FastifyReply>());
    checkAccess(this.policy, request, key, scope, http.getResponse<FastifyReply>());
    return true;
  }

  private limitPublic(request: FastifyRequest, reply: FastifyReply): void {
    const verdict = this.policy.publicReads?.take(request.socket.remoteAddress ?? 'unknown');
    if (!verdict || verdict.allowed) return;
    void reply.header('retry-after', String(verdict.retryAfterSeconds));
    throw ProblemException.of(429, 'rate-limited', 'Too Many Requests', `Too many requests from this address; retry in ${verdict.retryAfterSeconds} s.`);
  }
}

/**
 * Counts the request against its key's rate (429 beyond), then checks the scope (403): refusals count too, so a
 * key hammering routes it may not use is limited like any other. Once per request, whether the early hook (before
 * the body) or the guard gets there first.
 */
export function checkAccess(policy: AccessPolicy, request: FastifyRequest, key: ApiKey, scope: Scope | undefined, reply: FastifyReply): void {
  const keyed = request as KeyedRequest;
  if (keyed[ACCESS_CHECKED]) return;
  keyed[ACCESS_CHECKED] = true;
  const verdict = policy.limiter.take(key.name);
  if (!verdict.allowed) {
    void reply.header('retry-after', String(verdict.retryAfterSeconds));
    throw ProblemException.of(
      429,
      'rate-limited',
      'Too Many Requests',
      `The key "${key.name}" is over its rate limit; retry in ${verdict.retryAfterSeconds} s.`,
    );
  }
  if (scope && !grants(key, scope)) throw ProblemException.of(403, 'forbidden', 'Forbidden', `The key "${key.name}" does not hold the "${scope}" scope.`);
}

/**
 * The key of the request, found once (the early hook may have found it before
 * the body was read). Without a valid one: 401, or 429 once the client's
 * address is over its allowance of unauthenticated requests.
 */
export function authenticate(policy: AccessPolicy, request: FastifyRequest, reply: FastifyReply): ApiKey {
  const keyed = request as KeyedRequest;
  if (keyed[REQUEST_KEY]) return keyed[REQUEST_KEY];
  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  const key = token ? findKey(policy.keys, token) : undefined;
  if (key) return (keyed[REQUEST_KEY] = key);
  const verdict = policy.unauthenticated.take(request.socket.remoteAddress ?? 'unknown');
  if (!verdict.allowed) {
    void reply.header('retry-after', String(verdict.retryAfterSeconds));
    throw ProblemException.of(
      429,
      'rate-limited',
      'Too Many Requests',
      `Too many requests without a valid API key from this address; retry in ${verdict.retryAfterSeconds} s.`,
    );
  }
  void reply.header('www-authenticate', 'Bearer realm="depeche"');
  throw ProblemException.of(401, 'unauthorized', 'Unauthorized', token ? 'The API key is not valid.' : 'Send an API key: Authorization: Bearer <key>.');
}
