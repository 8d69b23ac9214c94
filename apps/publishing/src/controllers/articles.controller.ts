import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiGoneResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ArticleTagsDto, articleTagsOf, type ArticleTags } from '../dtos/article-tags.dto.js';
import { ArticlePageDto, type ArticlePage } from '../dtos/article-page.dto.js';
import { ArticleQueryDto, parseArticleQuery } from '../dtos/article-query.dto.js';
import { RevisionListDto, type RevisionList } from '../dtos/revision-list.dto.js';
import { ArticleReadRepository } from '../repositories/article-read.repository.js';
import { ArticleReaderService } from '../services/article-reader.service.js';
import { toNinjs, type NinjsDocument } from '../services/ninjs.mapper.js';

const NINJS_SCHEMA = { type: 'object', description: 'An IPTC ninjs 3.1 document (http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json).' };

@ApiTags('articles')
@Controller('v1/articles')
export class ArticlesController {
  constructor(
    private readonly reader: ArticleReaderService,
    private readonly articles: ArticleReadRepository,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List published articles, newest first, or ranked by relevance with q' })
  @ApiOkResponse({ schema: ArticlePageDto as object })
  list(@Query() query: Record<string, string>): Promise<ArticlePage> {
    return this.reader.page(parseArticleQuery(query));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One article as a ninjs 3.1 document' })
  @ApiOkResponse({ schema: NINJS_SCHEMA })
  @ApiNotFoundResponse({ description: 'Unknown, or still under embargo' })
  @ApiGoneResponse({ description: 'Killed: withdrawn, with the reason' })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<NinjsDocument> {
    const stored = await this.reader.visible(id);
    return toNinjs(stored.document, stored);
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
