import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { subjectToken } from '#contracts';
import { ProblemException } from '#runtime';
import { ArticleReadRepository, type ArticleFilter } from '../repositories/article-read.repository.js';
import { FEED_CONTENT_TYPES, renderFeed, type FeedFormat, type FeedPublisher } from '../services/feed-builder.js';

const FEED_SIZE = 50;
/** PUBLIC_BASE_URL: where readers reach this API; empty means each request says it. */
export const PUBLIC_BASE_URL = Symbol('PUBLIC_BASE_URL');
/** The publication's name, the author of entries without a byline, and its language. */
export const FEED_PUBLISHER = Symbol('FEED_PUBLISHER');
const FILE = /^(.+)\.(atom|json)$/;

@ApiTags('feeds')
@ApiProduces(FEED_CONTENT_TYPES.atom, FEED_CONTENT_TYPES.json)
@Controller('v1/feeds')
export class SyndicationFeedsController {
  constructor(
    private readonly articles: ArticleReadRepository,
    @Inject(PUBLIC_BASE_URL) private readonly publicBaseUrl: string,
    @Inject(FEED_PUBLISHER) private readonly publisher: FeedPublisher,
  ) {}

  @Get('sections/:file')
  @ApiOperation({ summary: 'The latest articles of a section, as Atom 1.0 (.atom) or JSON Feed (.json)' })
  @ApiParam({ name: 'file', example: 'economie.atom', description: 'Section slug, then .atom or .json' })
  @ApiOkResponse({ description: 'The feed' })
  section(@Param('file') file: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const { key, format } = parseFile(file);
    const section = subjectToken(key, 'general');
    return this.feed({ sectionKey: section }, `/v1/feeds/sections/${section}`, section, format, request, reply);
  }

  @Get('topics/:file')
  @ApiOperation({ summary: 'The latest articles on an IPTC Media Topic, as Atom 1.0 (.atom) or JSON Feed (.json)' })
  @ApiParam({ name: 'file', example: '04000000.atom', description: 'Media Topic code (with or without "medtop:"), then .atom or .json' })
  @ApiOkResponse({ description: 'The feed' })
  topic(@Param('file') file: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const { key, format } = parseFile(file);
    const code = key.replace(/^medtop:/, '');
    if (!/^\d{8}$/.test(code)) throw ProblemException.of(404, 'not-found', 'Not found', `No topic feed ${key}: topics are 8-digit Media Topic codes.`);
    return this.feed({ topic: `medtop:${code}` }, `/v1/feeds/topics/${code}`, `medtop:${code}`, format, request, reply);
  }

  private async feed(filter: ArticleFilter, path: string, subject: string, format: FeedFormat, request: FastifyRequest, reply: FastifyReply): Promise<string> {
    const rows = await this.articles.list({ filter, limit: FEED_SIZE, withDocument: true });
    const entries = rows.map((row) => ({ document: row.document!, publishedAt: row.publishedAt, updatedAt: row.updatedAt }));
    const baseUrl = this.baseUrlFor(request);
    void reply.header('content-type', FEED_CONTENT_TYPES[format]);
    // Readers poll: a shared cache may keep a feed a minute, per host when its links come from the request.
    void reply.header('cache-control', 'public, max-age=60');
    if (!this.publicBaseUrl) void reply.header('vary', 'host, x-forwarded-host, x-forwarded-proto');
    return renderFeed({ baseUrl, path, subject, entries, publisher: this.publisher }, format);
  }

  /**
   * Configured, the links cannot be steered by a Host header (and a cache keep them for everyone). Otherwise they
   * come from the request (forwarded headers behind a trusted proxy), and only as an http(s) scheme and a host name:
   * "X-Forwarded-Proto: javascript" must not become a link in a reader's feed.
   */
  private baseUrlFor(request: FastifyRequest): string {
    if (this.publicBaseUrl) return this.publicBaseUrl.replace(/\/+$/, '');
    const scheme = request.protocol === 'https' ? 'https' : 'http';
    const host = request.host || 'localhost';
    if (!HOST.test(host)) throw ProblemException.of(400, 'invalid-host', 'Invalid host', 'The Host (or X-Forwarded-Host) header is not a host name and port.');
    return `${scheme}://${host}`;
  }
}

/** A DNS name or an IPv4 or bracketed IPv6 address, with an optional port. */
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

function parseFile(file: string): { key: string; format: FeedFormat } {
  const match = FILE.exec(file);
  if (!match) throw ProblemException.of(404, 'not-found', 'Not found', `Feeds end in .atom or .json, not "${file}".`);
  // The router has decoded the path once already: a second decode turned "%25zz" into a URIError (500).
  return { key: match[1]!, format: match[2] as FeedFormat };
}
