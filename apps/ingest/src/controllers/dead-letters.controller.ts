import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Type } from 'typebox';
import { DeadLetterV1 } from '#contracts';
import { ProblemException, RequireScope, invalidRequest } from '#runtime';
import { DeadLetterRepository, type StoredDeadLetter } from '../repositories/dead-letter.repository.js';

const MAX_PAGE = 200;

/** A dead letter as the API lists it (the schema documents the routes). */
const StoredDeadLetterDto = Type.Object({
  id: Type.Integer({ description: 'Its sequence in the dead-letter stream' }),
  correlationId: Type.String(),
  letter: DeadLetterV1,
});

/** What operators see of the messages the services gave up on, and how they send them back. */
@Controller('v1/dead-letters')
@RequireScope('admin')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLetterRepository) {}

  @Get()
  @ApiOkResponse({ schema: Type.Object({ items: Type.Array(StoredDeadLetterDto), next: Type.Optional(Type.Integer()) }) as object })
  async list(@Query('after') afterParam?: string, @Query('limit') limitParam?: string): Promise<{ items: StoredDeadLetter[]; next?: number }> {
    const after = afterParam === undefined ? 0 : Number(afterParam);
    const limit = limitParam === undefined ? 50 : Number(limitParam);
    if (!Number.isInteger(after) || after < 0) throw invalidRequest([{ field: 'after', reason: 'must be a dead-letter id (a non-negative integer)' }]);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE)
      throw invalidRequest([{ field: 'limit', reason: `must be an integer from 1 to ${MAX_PAGE}` }]);
    const items = await this.deadLetters.list(after, limit);
    return items.length === limit ? { items, next: items.at(-1)!.id } : { items };
  }

  @Get(':id')
  async get(@Param('id', ParseIntPipe) id: number): Promise<StoredDeadLetter> {
    return this.found(id);
  }

  @Post(':id/redrive')
  @HttpCode(202)
  async redrive(@Param('id', ParseIntPipe) id: number): Promise<{ id: number; redrivenTo: string }> {
    const dead = await this.found(id);
    await this.deadLetters.redrive(dead);
    return { id, redrivenTo: dead.letter.subject };
  }

  private async found(id: number): Promise<StoredDeadLetter> {
    const dead = await this.deadLetters.find(id);
    if (!dead) throw ProblemException.of(404, 'not-found', 'Not found', `No dead letter ${id}.`);
    return dead;
  }
}
