import { Controller, Get, Headers, Inject, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiGoneResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { invalidRequest } from '#runtime';
import { ArticleTagsDto, articleTagsOf, type ArticleTags } from '../dtos/article-tags.dto.js';
import { ArticlePageDto, type ArticlePage } from '../dtos/article-page.dto.js';
import { ArticleQueryDto, parseArticleQuery } from '../dtos/article-query.dto.js';
import { RevisionListDto, type RevisionList } from '../dtos/revision-list.dto.js';
import { ArticleReadRepository } from '../repositories/article-read.repository.js';
import { ArticleReaderService } from '../services/article-reader.service.js';
import type { FeedPublisher } from '../services/feed-builder.js';
import { NEWSML_G2_MEDIA_TYPE, toNewsMlG2, toNinjs, type NinjsDocument } from '#wire/writers';
import { FEED_PUBLISHER } from './syndication-feeds.controller.js';

const NINJS_SCHEMA = { type: 'object', description: 'An IPTC ninjs 3.1 document (http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json).' };
const FORMATS = ['ninjs', 'newsml-g2'] as const;
type ArticleFormat = (typeof FORMATS)[number];

/** `format` when given (it must be one of FORMATS), else NewsML-G2 when the Accept header asks for its media type, else ninjs. */
function articleFormat(format: string | undefined, accept: string | undefined): ArticleFormat {
  if (format !== undefined) {
    if ((FORMATS as readonly string[]).includes(format)) return format as ArticleFormat;
    throw invalidRequest([{ field: 'format', reason: `must be one of ${FORMATS.join(', ')}` }]);
  }
  return accept?.toLowerCase().includes(NEWSML_G2_MEDIA_TYPE) ? 'newsml-g2' : 'ninjs';
}

@ApiTags('articles')
@Controller('v1/articles')
export class ArticlesController {
  constructor(
    private readonly reader: ArticleReaderService,
    private readonly articles: ArticleReadRepository,
    @Inject(FEED_PUBLISHER) private readonly publisher: FeedPublisher,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List published articles, newest first, or ranked by relevance with q' })
  @ApiOkResponse({ schema: ArticlePageDto as object })
  list(@Query() query: Record<string, string>): Promise<ArticlePage> {
    return this.reader.page(parseArticleQuery(query));
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One article as a ninjs 3.1 document, or as a NewsML-G2 2.35 news item',
    description: `NewsML-G2 with ?format=newsml-g2 or Accept: ${NEWSML_G2_MEDIA_TYPE}; ninjs otherwise.`,
  })
  @ApiQuery({ name: 'format', required: false, enum: FORMATS, description: 'ninjs (default) or newsml-g2; wins over the Accept header' })
  @ApiProduces('application/json', NEWSML_G2_MEDIA_TYPE)
  @ApiOkResponse({ schema: NINJS_SCHEMA })
  @ApiNotFoundResponse({ description: 'Unknown, or still under embargo' })
  @ApiGoneResponse({ description: 'Killed: withdrawn, with the reason' })
  async get(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query('format') format: string | undefined,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<NinjsDocument | string> {
    const chosen = articleFormat(format, accept);
    const stored = await this.reader.visible(id);
    void reply.header('vary', 'accept');
    if (chosen === 'ninjs') return toNinjs(stored.document, stored);
    void reply.header('content-type', `${NEWSML_G2_MEDIA_TYPE}; charset=utf-8`);
    return toNewsMlG2(stored.document, stored, { provider: this.publisher.name });
  }

  @Get(':id/tags')
  @ApiOperation({ summary: "The article's tags with their provenance and confidence, and the tags editors removed" })
  @ApiOkResponse({ schema: ArticleTagsDto as object })
  @ApiGoneResponse({ description: 'Killed' })
  async tags(@Param('id', new ParseUUIDPipe()) id: string): Promise<ArticleTags> {
    const stored = await this.reader.visible(id);
    return articleTagsOf(stored.document, stored.revision);
  }

  @Get(':id/revisions')
  @ApiOperation({ summary: 'Every stored version of an article, oldest first, with what produced it' })
  @ApiOkResponse({ schema: RevisionListDto as object })
  @ApiGoneResponse({ description: 'Killed: the history is withdrawn too' })
  async revisions(@Param('id', new ParseUUIDPipe()) id: string): Promise<RevisionList> {
    await this.reader.visible(id);
    const revisions = await this.articles.revisions(id);
    return {
      items: revisions.map((r) => ({
        revision: r.revision,
        action: r.action,
        ...(r.note ? { note: r.note } : {}),
        ...(r.tagger ? { tagger: r.tagger } : {}),
        ...(r.correlationId ? { correlationId: r.correlationId } : {}),
        eventId: r.eventId,
        createdAt: r.createdAt.toISOString(),
        document: toNinjs(r.document, r),
      })),
    };
  }
}

/** Listed here so the OpenAPI document names every query parameter. */
for (const [name, schema] of Object.entries(ArticleQueryDto.properties)) {
  ApiQuery({ name, required: false, schema: schema as object, description: (schema as { description?: string }).description })(
    ArticlesController.prototype,
    'list',
    Object.getOwnPropertyDescriptor(ArticlesController.prototype, 'list')!,
  );
}
