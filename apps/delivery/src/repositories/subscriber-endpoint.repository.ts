import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { describeError } from '#messaging';
import { firstHeader, GuardedAgents, guardedRequest, type OutboundPolicy } from '#runtime';
import type { AttemptResult } from '../services/delivery-decision.js';
import type { WebhookRequest } from '../services/webhook-request.js';

export const OUTBOUND_POLICY = Symbol('OUTBOUND_POLICY');

/**
 * Subscribers' endpoints, reached under the outbound rules (SSRF checks on the socket, one deadline, a size cap,
 * no redirects), over connections kept open between deliveries to the same origin.
 */
@Injectable()
export class SubscriberEndpointRepository implements OnApplicationShutdown {
  private readonly agents: GuardedAgents;

  constructor(@Inject(OUTBOUND_POLICY) readonly policy: OutboundPolicy) {
    this.agents = new GuardedAgents(policy);
  }

  onApplicationShutdown(): void {
    this.agents.destroy();
  }

  /** POSTs one delivery; what the receiver answered, or why no answer came. Never throws. */
  async post(url: string, request: WebhookRequest): Promise<AttemptResult> {
    try {
      const response = await guardedRequest(url, { method: 'POST', headers: request.headers, body: request.body }, this.policy, this.agents);
      return { status: response.status, retryAfter: firstHeader(response.headers['retry-after']) };
    } catch (error) {
      return { error: describeError(error) };
    }
  }
}
