import { Controller, Headers, HttpCode, Post, Query, Req } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { CallerKey, ProblemException, RequireScope, invalidRequest, type ApiKey } from '#runtime';
import { isWireError, type WireError } from '#wire';
import { ownerOf } from '../services/ownership-rules.js';
import { WireIntakeService, type WireReceipt } from '../services/wire-intake.service.js';

/** Document-level refusals: the format is not one we read (415), too many items (413), or the document cannot be read (422). */
function wireProblem(error: WireError): ProblemException {
  const status = error.code === 'unsupported-format' ? 415 : error.code === 'too-many-items' ? 413 : 422;
  return ProblemException.of(status, `wire/${error.code}`, 'Wire document refused', error.message, { code: error.code });
}

@Controller('v1/wire')
export class WireController {
  constructor(private readonly wire: WireIntakeService) {}

  /** Takes a document exactly as the agency sends it; one receipt line per item. */
  @Post()
  @HttpCode(202)
  @RequireScope('wire')
  async receive(
    @Req() request: RawBodyRequest<FastifyRequest>,
    @Headers('content-type') contentType: string | undefined,
    @Headers('x-correlation-id') correlationHeader: string | undefined,
    @Query('source') source: string | undefined,
    @CallerKey() caller: ApiKey,
  ): Promise<WireReceipt & { correlationId: string }> {
    const bytes = bodyBytes(request);
    if (!bytes?.length) throw invalidRequest([{ field: 'body', reason: 'is empty: send the wire document as the request body' }]);
    if (source !== undefined && !/^[A-Za-z0-9._-]{1,100}$/.test(source)) {
      throw invalidRequest([{ field: 'source', reason: 'must be 1-100 letters, digits, dots, dashes or underscores' }]);
    }
    const correlationId = correlationHeader?.slice(0, 200) || randomUUID();
    try {
      const delivery = { owner: ownerOf(caller, 'wire'), channel: 'wire' as const, ...(source ? { source } : {}) };
      return { ...(await this.wire.receive(bytes, contentType, correlationId, delivery)), correlationId };
    } catch (error) {
      if (isWireError(error)) throw wireProblem(error);
      throw error;
    }
  }
}

function bodyBytes(request: RawBodyRequest<FastifyRequest>): Buffer | undefined {
  if (request.rawBody) return request.rawBody;
  if (Buffer.isBuffer(request.body)) return request.body;
  return typeof request.body === 'string' ? Buffer.from(request.body, 'utf8') : undefined;
}
