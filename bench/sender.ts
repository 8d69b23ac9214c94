/**
 * The two ways the bench sends. Open loop: article i is due at start + i/rate
 * whatever happened before, and its latency counts from then, so a slow sender
 * or a slow accept is charged. Closed loop (the "max" load): keep a fixed
 * number of articles between POST and published event, which finds the
 * throughput the system sustains without growing a backlog.
 */
import { post } from './http-post.js';
import type { Topology } from './topology.js';
import type { Tracker } from './tracker.js';

export interface Sending {
  correlationId: string;
  /** performance.now() when the article was due. */
  scheduled: number;
  /** From due to the end of the HTTP answer. */
  acceptMs?: number;
  status?: number;
}

export const isAccepted = (sending: Sending): boolean => sending.status !== undefined && sending.status >= 200 && sending.status < 300;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function send(topology: Topology, sending: Sending, body: string): Promise<void> {
  const headers = { ...topology.headers, 'x-correlation-id': sending.correlationId };
  return post(topology.articlesUrl, body, headers).then(
    (status) => {
      sending.status = status;
      sending.acceptMs = performance.now() - sending.scheduled;
    },
    () => {
      sending.status = 0;
    },
  );
}

export async function openLoop(topology: Topology, bodies: string[], perSec: number, durationS: number, tag: string): Promise<Sending[]> {
  const started = performance.now();
  const sendings: Sending[] = [];
  const answers: Promise<void>[] = [];
  for (let i = 0; i < Math.round(perSec * durationS); i++) {
    const scheduled = started + (i * 1000) / perSec;
    const wait = scheduled - performance.now();
    if (wait > 1) await sleep(wait);
    const sending: Sending = { correlationId: `${tag}${i}`, scheduled };
    sendings.push(sending);
    answers.push(send(topology, sending, bodies[i % bodies.length]!));
  }
  await Promise.all(answers);
  return sendings;
}

export async function closedLoop(topology: Topology, tracker: Tracker, bodies: string[], window: number, durationS: number, tag: string): Promise<Sending[]> {
  const until = performance.now() + durationS * 1000;
  const sendings: Sending[] = [];
  const answers: Promise<void>[] = [];
  // Failed posts never publish: count them as done so they do not hold a slot.
  let failed = 0;
  while (performance.now() < until) {
    if (sendings.length - tracker.publishedCount - failed >= window) {
      await Promise.race([tracker.nextPublished(), sleep(50)]);
      continue;
    }
    const sending: Sending = { correlationId: `${tag}${sendings.length}`, scheduled: performance.now() };
    const answer = send(topology, sending, bodies[sendings.length % bodies.length]!).then(() => {
      if (!isAccepted(sending)) failed++;
    });
    answers.push(answer);
    sendings.push(sending);
  }
  await Promise.all(answers);
  return sendings;
}
