import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

export interface OpenApiInfo {
  title: string;
  description: string;
  version?: string;
  /** The API wants `Authorization: Bearer <key>` (shown as an "Authorize" button). */
  bearerAuth?: boolean;
}

/**
 * Serves the service's OpenAPI description: the UI at /docs, the document at
 * /docs/json. Pass it as bootstrapService's `configure` hook.
 */
export function setupOpenApi(info: OpenApiInfo): (app: NestFastifyApplication) => void {
  return (app) => {
    openApiDocument(app, info);
  };
}

/** The OpenAPI document of an app, also mounted at /docs. */
export function openApiDocument(app: NestFastifyApplication, info: OpenApiInfo): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle(info.title)
    .setDescription(info.description)
    .setVersion(info.version ?? '1');
  const config = (info.bearerAuth ? builder.addBearerAuth() : builder).build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
  return document;
}
