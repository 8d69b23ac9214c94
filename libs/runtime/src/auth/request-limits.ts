import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { PROBLEM_TYPE_BASE, sendProblem } from '../problem-details.js';
import { ACCESS_POLICY, identify, ROUTE_SCOPE, type AccessPolicy } from './api-key.guard.js';

/** Clients remembered at once per limiter (least recently seen forgotten first): memory stays bounded under any traffic. */
const CLIENTS = 10_000;
const WINDOW_MS = 60_000;
/** Health and metrics answer whatever the load: orchestrators and Prometheus must always get through. */
const OPERATIONAL = /^\/(health|metrics)(\/|$|\?)/;

/** Which allowance a request draws on, kept on the request for the limiter's key generator. */
const BUCKET = Symbol('depeche:rate-bucket');
type Bucketed = FastifyRequest & { [BUCKET]?: string };

/**
 * Request limits per minute, from @fastify/rate-limit (its LRU store, so a flood of addresses or
 * keys cannot grow memory): per API key; per client address for requests without a valid key; and,
 * where the service has public routes (the read API), per client address for those. The client
 * address is `request.ip`: the socket's, or what a proxy named in TRUST_PROXY forwarded. Counted in
 * the first hook, before the body is read and before the scope is checked, so refused requests count
 * too. Beyond the allowance: 429 problem+json with Retry-After.
 */
export async function limitRequests(app: NestFastifyApplication): Promise<void> {
  const policy = app.get<AccessPolicy>(ACCESS_POLICY);
  await app.register(rateLimit, { global: false, timeWindow: WINDOW_MS, cache: CLIENTS, keyGenerator: (request: Bucketed) => request[BUCKET]! });
  const fastify = app.getHttpAdapter().getInstance();
  const { perMinute, unauthenticatedPerMinute, publicPerMinute } = policy.limits;
  const limiters = {
    key: fastify.createRateLimit({ max: perMinute }),
    anonymous: fastify.createRateLimit({ max: unauthenticatedPerMinute }),
    public: publicPerMinute ? fastify.createRateLimit({ max: publicPerMinute }) : undefined,
  };
  fastify.addHook('onRequest', async (request: Bucketed, reply) => {
    if (OPERATIONAL.test(request.url)) return;
    const key = identify(policy, request);
    const needsKey = policy.keyRequiredByDefault || (request.routeOptions.config as { [ROUTE_SCOPE]?: unknown } | undefined)?.[ROUTE_SCOPE] !== undefined;
    const kind = key ? 'key' : needsKey ? 'anonymous' : 'public';
    const limiter = limiters[kind];
    if (!limiter) return;
    request[BUCKET] = key ? `key:${key.name}` : `${kind}:${request.ip}`;
    const limit = await limiter(request);
    if (limit.isAllowed || !limit.isExceeded) return;
    const after = limit.ttlInSeconds;
    const detail =
      kind === 'key'
        ? `The key "${key!.name}" is over its rate limit; retry in ${after} s.`
        : kind === 'anonymous'
          ? `Too many requests without a valid API key from this address; retry in ${after} s.`
          : `Too many requests from this address; retry in ${after} s.`;
    void reply.header('retry-after', String(after));
    sendProblem(reply, { type: `${PROBLEM_TYPE_BASE}rate-limited`, title: 'Too Many Requests', status: 429, detail });
    return reply;
  });
}
