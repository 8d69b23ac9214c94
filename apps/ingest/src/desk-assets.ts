import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The desk's build (`npm run build:desk`) lands in dist/desk at the root of the project, from source and from dist alike. */
export function deskDirectory(from = import.meta.dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'dist', 'desk');
}

/** What the page needs to know at run time and must not be built in: where the read API and the subscribers API are. */
export interface DeskConfig {
  readApiUrl: string;
  subscribersApiUrl: string;
}

/** Each API the page calls besides this one, and its port on the page's own host when no URL is configured. */
const OTHER_APIS: Array<{ key: keyof DeskConfig; port: number }> = [
  { key: 'readApiUrl', port: 3002 },
  { key: 'subscribersApiUrl', port: 3003 },
];

/**
 * Serves the desk under /desk as static files (no key: the page holds no secret; every
 * API call it makes carries the editor's own key). A missing build is a warning, not a failure.
 */
export async function serveDesk(app: NestFastifyApplication, config: DeskConfig, root = deskDirectory()): Promise<void> {
  if (!existsSync(path.join(root, 'index.html'))) {
    new Logger('Desk').warn(`no desk build in ${root}: run npm run build:desk to serve /desk`);
    return;
  }
  const fastify = app.getHttpAdapter().getInstance();
  // The policy names the other APIs' origins, which without their URLs are this host on their default ports: known per request.
  fastify.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/desk')) void reply.header('content-security-policy', contentSecurityPolicy(config, request.hostname));
  });
  // The page's relative asset paths resolve only under /desk/: send a typed /desk there.
  fastify.get('/desk', (_request, reply) => reply.redirect('/desk/', 301));
  fastify.get('/desk/config.json', (_request, reply) => reply.header('cache-control', 'no-store').send(config));
  await app.register(fastifyStatic, {
    root,
    prefix: '/desk/',
    redirect: true,
    decorateReply: false,
    cacheControl: false, // set below, per file
    setHeaders: (reply, filePath) => {
      reply.setHeader('x-content-type-options', 'nosniff');
      reply.setHeader('referrer-policy', 'no-referrer');
      // Vite names built assets by their content hash: they never change. The page itself must be asked for again.
      reply.setHeader('cache-control', /[/\\]assets[/\\]/.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}

/** Scripts and styles from the desk itself only; calls to this ingest, the read API and the subscribers API, and nowhere else. */
function contentSecurityPolicy(config: DeskConfig, hostname: string): string {
  const plainHost = /^[A-Za-z0-9.-]+$|^\[[0-9A-Fa-f:.]+\]$/.test(hostname);
  const origins = OTHER_APIS.flatMap(({ key, port }) =>
    config[key] ? [new URL(config[key]).origin] : plainHost ? [`http://${hostname}:${port}`, `https://${hostname}:${port}`] : [],
  );
  return `default-src 'self'; connect-src ${["'self'", ...origins].join(' ')}; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`;
}
