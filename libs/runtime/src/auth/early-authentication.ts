import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { ProblemException, sendProblem } from '../problem-details.js';
import type { Scope } from './api-keys.js';
import { ACCESS_POLICY, authenticate, checkAccess, ROUTE_SCOPE, type AccessPolicy } from './api-key.guard.js';

const carriesBody = (request: FastifyRequest) => Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;

/**
 * Checks the API key of every request that carries a body in the first
 * Fastify hook, before a byte of the body is read or parsed: without a valid
 * key the answer is 401 at once (the first hook already counted it, 429 past its allowance) and the
 * connection is closed, so an anonymous upload costs neither memory nor
 * parsing. Where the route names its scope (RequireScope on the handler), a
 * key without it is refused here too, 403.
 * Requests without a body (health, metrics, reads) are left to the guard.
 */
export function authenticateBeforeBody(app: NestFastifyApplication): void {
  const policy = app.get<AccessPolicy>(ACCESS_POLICY);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      if (!carriesBody(request)) return done();
      try {
        const key = authenticate(policy, request, reply);
        const scope = (request.routeOptions.config as { [ROUTE_SCOPE]?: Scope } | undefined)?.[ROUTE_SCOPE];
        checkAccess(key, scope);
        done();
      } catch (error) {
        void reply.header('connection', 'close');
        sendProblem(reply, (error as ProblemException).problem);
      }
    });
}
