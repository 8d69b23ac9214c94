import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { ProblemException, sendProblem } from '../problem-details.js';
import { ACCESS_POLICY, authenticate, type AccessPolicy } from './api-key.guard.js';

const carriesBody = (request: FastifyRequest) => Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;

/**
 * Checks the API key of every request that carries a body in the first
 * Fastify hook, before a byte of the body is read or parsed: without a valid
 * key the answer is 401 (or 429 per client address) at once and the
 * connection is closed, so an anonymous upload costs neither memory nor
 * parsing. The key found is left for the guard, which checks the scope.
 * Requests without a body (health, metrics, reads) are left to the guard.
 */
export function authenticateBeforeBody(app: NestFastifyApplication): void {
  const policy = app.get<AccessPolicy>(ACCESS_POLICY);
  app.getHttpAdapter().getInstance().addHook('onRequest', (request, reply, done) => {
    if (!carriesBody(request)) return done();
    try {
      authenticate(policy, request, reply);
      done();
    } catch (error) {
      void reply.header('connection', 'close');
      sendProblem(reply, (error as ProblemException).problem);
    }
  });
}
