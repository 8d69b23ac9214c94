import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from './auth/api-key.guard.js';

export interface ReadinessCheck {
  name: string;
  check(): Promise<boolean> | boolean;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

/** Liveness says the process answers; readiness says its dependencies (NATS, Postgres) do. */
@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[]) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res() reply: FastifyReply) {
    const results = await Promise.all(this.checks.map(async (c) => [c.name, await safely(c.check)] as const));
    const ready = results.every(([, ok]) => ok);
    const checks = Object.fromEntries(results.map(([name, ok]) => [name, ok ? 'up' : 'down']));
    void reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', checks });
  }
}

async function safely(check: () => Promise<boolean> | boolean): Promise<boolean> {
  try {
    return await Promise.race([Promise.resolve(check()), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000).unref())]);
  } catch {
    return false;
  }
}
