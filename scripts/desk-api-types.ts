/**
 * The desk's API types, generated from the services' OpenAPI documents (the same TypeBox schemas that
 * check the requests and document the routes), so the desk never re-types an API shape by hand.
 *   node dist/scripts/desk-api-types.js        writes apps/desk/src/generated/*.ts (npm run build:desk runs it)
 * test/desk-api-types.e2e-spec.ts fails when the committed files differ from what the code generates.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import openapiTS, { astToString } from 'openapi-typescript';
import { loadDeliveryConfig } from '../apps/delivery/src/config.js';
import { DeliveryModule } from '../apps/delivery/src/delivery.module.js';
import { loadIngestConfig } from '../apps/ingest/src/config.js';
import { IngestModule } from '../apps/ingest/src/ingest.module.js';
import { loadPublishingConfig } from '../apps/publishing/src/config.js';
import { PublishingModule } from '../apps/publishing/src/publishing.module.js';

/** Settings that let the modules be described; nothing is connected: the apps are built in preview mode. */
const DESCRIBE_ONLY = { DEPECHE_API_KEYS: 'describe:describe-only-0123456789:admin', DATABASE_URL: 'postgres://describe@127.0.0.1/describe' };

const HEADER = '// Generated from the OpenAPI document by scripts/desk-api-types.ts (npm run build:desk). Do not edit.\n';

/** The OpenAPI document of a module's routes, without instantiating a provider (no NATS, no Postgres). */
async function documentOf(module: DynamicModule, title: string) {
  const app = await NestFactory.create(module, new FastifyAdapter(), { preview: true, logger: false });
  try {
    return SwaggerModule.createDocument(app, new DocumentBuilder().setTitle(title).setVersion('1').build());
  } finally {
    await app.close();
  }
}

/** File name (under apps/desk/src/generated) → contents. */
export async function deskApiTypes(): Promise<Record<string, string>> {
  const documents = {
    'ingest-api.ts': await documentOf(IngestModule.forRoot(loadIngestConfig(DESCRIBE_ONLY)), 'Dépêche ingest API'),
    'read-api.ts': await documentOf(PublishingModule.forRoot(loadPublishingConfig(DESCRIBE_ONLY)), 'Dépêche read API'),
    'subscribers-api.ts': await documentOf(DeliveryModule.forRoot(loadDeliveryConfig(DESCRIBE_ONLY)), 'Dépêche subscribers API'),
  };
  const files: Record<string, string> = {};
  for (const [file, document] of Object.entries(documents)) {
    files[file] = HEADER + astToString(await openapiTS(document as unknown as Parameters<typeof openapiTS>[0]));
  }
  return files;
}

export const GENERATED_DIR = ['apps', 'desk', 'src', 'generated'];

if (process.argv[1] && path.basename(process.argv[1]).startsWith('desk-api-types')) {
  const root = path.resolve(import.meta.dirname, process.argv[1].includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');
  for (const [file, contents] of Object.entries(await deskApiTypes())) {
    const target = path.join(root, ...GENERATED_DIR, file);
    writeFileSync(target, contents);
    process.stdout.write(`wrote ${target}\n`);
  }
}
