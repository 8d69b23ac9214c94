import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiBody,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { IntakeStatusRepository, type IntakeStatus } from '../repositories/intake-status.repository.js';
import { ApiKeyName, CallerKey, ContractPipe, ProblemException, RequireScope, invalidRequest, type ApiKey } from '#runtime';
import { ArticleCorrectionDto, ArticleKillDto, ArticleUpdateDto, articleCorrections, articleKills, articleUpdates } from '../dtos/article-revision.dto.js';
import { EditorArticleDto, editorArticles } from '../dtos/editor-article.dto.js';
import { IntakeReceiptDto, IntakeStatusDto, type IntakeReceipt } from '../dtos/intake-receipt.dto.js';
import { ArticleIntakeService, type IdempotencyKey, type IntakeResult } from '../services/article-intake.service.js';
import { OwnershipService } from '../services/ownership.service.js';

const correlationOf = (header: string | undefined): string => header?.slice(0, 200) || randomUUID();

function receiptOf(result: IntakeResult, correlationId: string): IntakeReceipt {
  return { id: result.id, status: result.duplicate ? 'duplicate' : 'received', statusUrl: `/v1/articles/${result.id}/status`, correlationId };
}

const uuid = () => new ParseUUIDPipe({ version: '4' });

/** Idempotency-Key: a bare token or a quoted structured-field string, 1 to 255 visible ASCII characters. */
function idempotencyKeyOf(header: string | undefined, client: string | undefined): IdempotencyKey | undefined {
  if (header === undefined || client === undefined) return undefined;
  const key = /^"(.*)"$/.exec(header.trim())?.[1] ?? header.trim();
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) throw invalidRequest([{ field: 'Idempotency-Key', reason: 'must be 1 to 255 visible ASCII characters' }]);
  return { client, key };
}

@ApiTags('articles')
@ApiBearerAuth()
@ApiHeader({ name: 'X-Correlation-Id', required: false, description: 'Follows the request through every service; generated when absent' })
@ApiAcceptedResponse({ schema: IntakeReceiptDto as object, description: 'Accepted; follow statusUrl' })
@ApiBadRequestResponse({ description: 'application/problem+json naming each bad field' })
@ApiForbiddenResponse({ description: "The key lacks the scope, or may not change this story (another newsroom's, or agency copy without the wire scope)" })
@Controller('v1/articles')
export class ArticlesController {
  constructor(
    private readonly intake: ArticleIntakeService,
    private readonly statuses: IntakeStatusRepository,
    private readonly ownership: OwnershipService,
  ) {}

  @Post()
  @RequireScope('submit')
  @HttpCode(202)
  @ApiOperation({ summary: 'Submit an article (an embargo holds it back until its time)' })
  @ApiBody({ schema: EditorArticleDto as object })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Without an externalId: a retry with the same key is the same article; the key reused for different content answers 422',
  })
  async submit(
    @Body(new ContractPipe(editorArticles, 'article')) article: EditorArticleDto,
    @Headers('x-correlation-id') correlationHeader?: string,
    @Headers('idempotency-key') idempotencyHeader?: string,
    @ApiKeyName() client?: string,
    @CallerKey() caller?: ApiKey,
  ): Promise<IntakeReceipt> {
    const correlationId = correlationOf(correlationHeader);
    const idempotency = idempotencyKeyOf(idempotencyHeader, client);
    return receiptOf(await this.intake.submit(article, correlationId, idempotency, caller), correlationId);
  }

  @Put(':id')
  @RequireScope('submit')
  @HttpCode(202)
  @ApiOperation({ summary: 'Replace an article with a new version (a new revision, an updated event)' })
  @ApiBody({ schema: ArticleUpdateDto as object })
  @ApiNotFoundResponse({ description: 'No such article was received here' })
  async update(
    @Param('id', uuid()) id: string,
    @Body(new ContractPipe(articleUpdates, 'article')) dto: ArticleUpdateDto,
    @Headers('x-correlation-id') correlationHeader?: string,
    @CallerKey() caller?: ApiKey,
  ): Promise<IntakeReceipt> {
    const correlationId = correlationOf(correlationHeader);
    await this.ownership.assertMayChange(id, caller);
    return receiptOf(await this.intake.update(id, dto, correlationId), correlationId);
  }

  @Post(':id/corrections')
  @RequireScope('correct')
  @HttpCode(202)
  @ApiOperation({ summary: 'Correct an article: the corrected version plus a correction note shown to readers' })
  @ApiBody({ schema: ArticleCorrectionDto as object })
  @ApiNotFoundResponse({ description: 'No such article was received here' })
  async correct(
    @Param('id', uuid()) id: string,
    @Body(new ContractPipe(articleCorrections, 'correction')) correction: ArticleCorrectionDto,
    @Headers('x-correlation-id') correlationHeader?: string,
    @CallerKey() caller?: ApiKey,
  ): Promise<IntakeReceipt> {
    const correlationId = correlationOf(correlationHeader);
    const { note, ...article } = correction;
    await this.ownership.assertMayChange(id, caller);
    return receiptOf(await this.intake.correct(id, article, note, correlationId), correlationId);
  }

  @Post(':id/kill')
  @RequireScope('kill')
  @HttpCode(202)
  @ApiOperation({ summary: 'Kill an article: withdrawn from every read path, and a killed event with the reason to every consumer' })
  @ApiBody({ schema: ArticleKillDto as object })
  @ApiNotFoundResponse({ description: 'No such article was received here' })
  async kill(
    @Param('id', uuid()) id: string,
    @Body(new ContractPipe(articleKills, 'kill')) { reason }: ArticleKillDto,
    @Headers('x-correlation-id') correlationHeader?: string,
    @CallerKey() caller?: ApiKey,
  ): Promise<IntakeReceipt> {
    const correlationId = correlationOf(correlationHeader);
    await this.ownership.assertMayChange(id, caller);
    return receiptOf(await this.intake.kill(id, reason, correlationId), correlationId);
  }

  @Get(':id/status')
  @ApiOperation({ summary: 'Where the article is: received, enriched, published or rejected' })
  @ApiOkResponse({ schema: IntakeStatusDto as object })
  @ApiNotFoundResponse({ description: 'No such article was received here' })
  async status(@Param('id', uuid()) id: string): Promise<IntakeStatus> {
    const status = await this.statuses.getStatus(id);
    if (!status) throw ProblemException.of(404, 'not-found', 'Not found', `No article ${id} was received here.`);
    return status;
  }
}
