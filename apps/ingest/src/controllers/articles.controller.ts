import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IntakeStatusStore, type IntakeStatus } from '#messaging';
import { ProblemException, invalidRequest } from '#runtime';
import { editorArticles } from '../dtos/editor-article.dto.js';
import type { IntakeReceipt } from '../dtos/intake-receipt.dto.js';
import { ArticleIntakeService } from '../services/article-intake.service.js';

@Controller('v1/articles')
export class ArticlesController {
  constructor(
    private readonly intake: ArticleIntakeService,
    private readonly statuses: IntakeStatusStore,
  ) {}

  @Post()
  @HttpCode(202)
  async submit(@Body() body: unknown, @Headers('x-correlation-id') correlationHeader?: string): Promise<IntakeReceipt> {
    const issues = editorArticles.issues(body ?? {});
    if (issues.length) throw invalidRequest(issues, 'The article has invalid fields.');
    const correlationId = correlationHeader?.slice(0, 200) || randomUUID();
    const result = await this.intake.submit(editorArticles.parse(body), correlationId);
    return {
      id: result.id,
      status: result.duplicate ? 'duplicate' : 'received',
      statusUrl: `/v1/articles/${result.id}/status`,
      correlationId,
    };
  }

  @Get(':id/status')
  async status(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string): Promise<IntakeStatus> {
    const status = await this.statuses.getStatus(id);
    if (!status) throw ProblemException.of(404, 'not-found', 'Not found', `No article ${id} was received here.`);
    return status;
  }
}
