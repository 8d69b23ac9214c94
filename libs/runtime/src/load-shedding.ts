import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PROBLEM_TYPE_BASE, sendProblem } from './problem-details.js';

/**
 * Refuses new requests with 503 and Retry-After once `limit` are already in
 * hand, so a burst beyond what the pipeline can take costs the client a retry,
 * not the service its memory. Health and metrics are always answered.
 */
export function shedLoad(app: NestFastifyApplication, limit: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  let inFlight = 0;
  fastify.addHook('onRequest', (request, reply, done) => {
    if (request.url.startsWith('/health') || request.url.startsWith('/metrics')) return done();
    if (inFlight >= limit) {
      void reply.header('retry-after', '1');
      return sendProblem(reply, {
        type: `${PROBLEM_TYPE_BASE}overloaded`,
        title: 'Service Unavailable',
        status: 503,
        detail: `More than ${limit} requests are in hand; retry shortly.`,
      });
    }
    inFlight++;
    // 'close' fires once per response, whether it finished or the client went away.
    reply.raw.once('close', () => inFlight--);
    done();
  });
}
