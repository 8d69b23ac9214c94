import { Logger as NestLogger, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { instrumentService } from './observability/instrument-service.js';
import { ProblemDetailsFilter } from './problem-details.js';
import { stopOnSignals } from './shutdown.js';

export interface ServiceBootstrap {
  module: Type<unknown> | DynamicModule;
  port: number;
  host?: string;
  bodyLimitBytes?: number;
  /** TRUST_PROXY: proxies whose X-Forwarded-For gives `request.ip` (comma-separated addresses or CIDRs); empty: none. */
  trustProxy?: string;
  /** REQUEST_IDLE_TIMEOUT_MS: a connection idle this long is closed (Node's socket timeout, checked as it happens). */
  idleTimeoutMs?: number;
  /** Keep each request's bytes as received (`req.rawBody`), for routes that parse documents themselves. */
  rawBody?: boolean;
  /** The JetStream consumer of the service, created once the module is up. */
  transport?: (app: INestApplication) => CustomTransportStrategy;
  configure?: (app: NestFastifyApplication) => void | Promise<void>;
}

/** Fastify's trustProxy from the setting: nothing trusted unless named (a forwarded header from anyone else is ignored). */
function trustProxyOf(setting: string | undefined): false | string[] {
  const proxies = (setting ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return proxies.length ? proxies : false;
}

/** Starts a hybrid Nest service: Fastify HTTP (API, health) plus the JetStream consumer. */
export async function bootstrapService(options: ServiceBootstrap): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: options.bodyLimitBytes ?? 1_048_576,
    trustProxy: trustProxyOf(options.trustProxy),
    ...(options.idleTimeoutMs ? { connectionTimeout: options.idleTimeoutMs } : {}),
  });
  const app = await NestFactory.create<NestFastifyApplication>(options.module, adapter, { bufferLogs: true, rawBody: options.rawBody });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new ProblemDetailsFilter());
  const transport = options.transport?.(app);
  instrumentService(app, transport);
  await options.configure?.(app);
  if (transport) app.connectMicroservice({ strategy: transport });
  // onModuleInit (the enricher's models, for one) must be done before the first message is pulled:
  // a backlog waiting at start would otherwise fail and be redelivered.
  await app.init();
  if (transport) await app.startAllMicroservices();
  await app.listen({ port: options.port, host: options.host ?? '0.0.0.0' });
  const { port } = app.getHttpServer().address() as { port: number };
  new NestLogger('Bootstrap').log(`listening on ${options.host ?? '0.0.0.0'}:${port}`);
  return app;
}

/**
 * Runs a service's main, turning start-up failures into one readable line and
 * exit code 1; once started, SIGTERM, SIGINT and SIGHUP stop it cleanly (exit code 0).
 */
export function runMain(name: string, main: () => Promise<unknown>): void {
  // Through a promise, so a setting refused before the first await ends the same way as a failure after it.
  Promise.resolve()
    .then(main)
    .then(
      (app) => {
        if (isClosable(app)) stopOnSignals(name, app);
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        process.stderr.write(`${name} failed to start: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
        process.exit(1);
      },
    );
}

function isClosable(value: unknown): value is { close(): Promise<void> } {
  return typeof (value as { close?: unknown } | null)?.close === 'function';
}
