import { Inject, Injectable } from '@nestjs/common';
import { describeError } from '#messaging';
import { firstHeader, guardedRequest, type OutboundPolicy } from '#runtime';
import type { AttemptResult } from '../services/delivery-decision.js';
import type { WebhookRequest } from '../services/webhook-request.js';

export const OUTBOUND_POLICY = Symbol('OUTBOUND_POLICY');

/** Subscribers' endpoints, reached under the outbound rules (SSRF checks on the socket, one deadline, a size cap, no redirects). */
@Injectable()
export class SubscriberEndpointRepository {
  constructor(@Inject(OUTBOUND_POLICY) readonly policy: OutboundPolicy) {}

  /** POSTs one delivery; what the receiver answered, or why no answer came. Never throws. */
  async post(url: string, request: WebhookRequest): Promise<AttemptResult> {
    try {
      const response = await guardedRequest(url, { method: 'POST', headers: request.headers, body: request.body }, this.policy);
      return { status: response.status, retryAfter: firstHeader(response.headers['retry-after']) };
    } catch (error) {
      return { error: describeError(error) };
    }
  }
}
