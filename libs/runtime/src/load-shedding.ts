import underPressure from '@fastify/under-pressure';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PROBLEM_TYPE_BASE, sendProblem } from './problem-details.js';

export interface LoadLimits {
  /** Mean event-loop delay (ms) over a sample beyond which requests are refused; 0: never. */
  maxEventLoopDelayMs: number;
  /** Event-loop utilisation (0–1) over a sample beyond which requests are refused; 0: never. */
  maxEventLoopUtilization: number;
  sampleMs: number;
}

/** Health and metrics answer whatever the load: the orchestrator must see a busy instance is alive. */
const OPERATIONAL = /^\/(health|metrics)(\/|$|\?)/;
const RETRY_AFTER_SECONDS = 1;

/**
 * Refuses new requests with 503 problem+json and Retry-After while the process is saturated, by
 * @fastify/under-pressure: the event loop's delay and utilisation over the last sample. A burst
 * beyond what the service can take then costs the client a retry, not every request its latency.
 * (Requests held open by a client that stopped sending cost no CPU: REQUEST_IDLE_TIMEOUT_MS closes them.)
 */
export async function shedLoad(app: NestFastifyApplication, limits: LoadLimits): Promise<void> {
  await app.register(underPressure, {
    maxEventLoopDelay: limits.maxEventLoopDelayMs,
    maxEventLoopUtilization: limits.maxEventLoopUtilization,
    // Utilisation of the last sample, not since start: a busy minute an hour ago says nothing now.
    eventLoopUtilizationMode: 'interval',
    sampleInterval: limits.sampleMs,
    retryAfter: RETRY_AFTER_SECONDS,
    pressureHandler: (request, reply, type, value) => {
      if (OPERATIONAL.test(request.url)) return;
      void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      const measured = type === 'eventLoopUtilization' ? `event loop ${Math.round(Number(value) * 100)} % busy` : `${type} ${Math.round(Number(value))}`;
      sendProblem(reply, {
        type: `${PROBLEM_TYPE_BASE}overloaded`,
        title: 'Service Unavailable',
        status: 503,
        detail: `The service is saturated (${measured}); retry shortly.`,
      });
    },
  });
}

/** The limits from an API's settings (loadSheddingSettings). */
export const loadLimitsFrom = (config: {
  LOAD_SHEDDING_MAX_EVENT_LOOP_DELAY_MS: number;
  LOAD_SHEDDING_MAX_EVENT_LOOP_UTILIZATION_PERCENT: number;
  LOAD_SHEDDING_SAMPLE_MS: number;
}): LoadLimits => ({
  maxEventLoopDelayMs: config.LOAD_SHEDDING_MAX_EVENT_LOOP_DELAY_MS,
  maxEventLoopUtilization: config.LOAD_SHEDDING_MAX_EVENT_LOOP_UTILIZATION_PERCENT / 100,
  sampleMs: config.LOAD_SHEDDING_SAMPLE_MS,
});
