import { Logger as NestLogger, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { ProblemDetailsFilter, problemOf, sendProblem } from './problem-details.js';

export interface ServiceBootstrap {
  module: Type<unknown> | DynamicModule;
  port: number;
  host?: string;
  bodyLimitBytes?: number;
  /** The JetStream consumer of the service, created once the module is up. */
  transport?: (app: INestApplication) => CustomTransportStrategy;
  configure?: (app: NestFastifyApplication) => void | Promise<void>;
}

/** Starts a hybrid Nest service: Fastify HTTP (API, health) plus the JetStream consumer. */
export async function bootstrapService(options: ServiceBootstrap): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: options.bodyLimitBytes ?? 1_048_576, trustProxy: true });
  const app = await NestFactory.create<NestFastifyApplication>(options.module, adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  await options.configure?.(app);
  if (options.transport) {
    app.connectMicroservice({ strategy: options.transport(app) });
    await app.startAllMicroservices();
  }
  await app.listen({ port: options.port, host: options.host ?? '0.0.0.0' });
  new NestLogger('Bootstrap').log(`listening on ${options.host ?? '0.0.0.0'}:${options.port}`);
  return app;
}

/** Runs a service's main, turning start-up failures into one readable line and exit code 1. */
export function runMain(name: string, main: () => Promise<unknown>): void {
  main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${name} failed to start: ${message}\n`);
    process.exit(1);
  });
}
