import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Registry } from 'prom-client';
import { Public } from '../../auth/api-key.guard.js';
import { METRICS_REGISTRY } from '../observability-options.js';

/** Prometheus text exposition of this service's registry; no API key (keep it on the internal network). */
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  @Get()
  async metrics(@Res() reply: FastifyReply): Promise<void> {
    const body = await this.registry.metrics();
    void reply.header('content-type', this.registry.contentType).send(body);
  }
}
