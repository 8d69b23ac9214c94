import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Type } from 'typebox';
import { randomUUID } from 'node:crypto';
import { ContractPipe, RequireScope, invalidRequest } from '#runtime';
import { feedRegistrations, type FeedRegistrationDto } from '../dtos/feed-registration.dto.js';
import { EMPTY_COUNTS, FeedRecordSchema, FeedRepository, type FeedRecord } from '../repositories/feed.repository.js';
import { FEED_FETCH_POLICY, feedUrlProblem, type FetchPolicy } from '../repositories/feed-fetcher.repository.js';

export const FEED_MIN_INTERVAL = Symbol('FEED_MIN_INTERVAL');

@Controller('v1/feeds')
export class FeedRegistrationsController {
  constructor(
    private readonly feeds: FeedRepository,
    @Inject(FEED_FETCH_POLICY) private readonly policy: FetchPolicy,
    @Inject(FEED_MIN_INTERVAL) private readonly minIntervalSeconds: number,
  ) {}

  /** Registers an RSS/Atom feed; the first poll is due at once. */
  @Post()
  @HttpCode(201)
  @RequireScope('admin')
  async register(@Body(new ContractPipe(feedRegistrations, 'feed')) dto: FeedRegistrationDto): Promise<FeedRecord> {
    const urlProblem = feedUrlProblem(dto.url, this.policy);
    if (urlProblem) throw invalidRequest([{ field: 'url', reason: urlProblem }]);
    const interval = dto.intervalSeconds ?? Math.max(this.minIntervalSeconds, 300);
    if (interval < this.minIntervalSeconds) throw invalidRequest([{ field: 'intervalSeconds', reason: `must be at least ${this.minIntervalSeconds}` }]);
    const now = new Date().toISOString();
    const feed: FeedRecord = {
      id: randomUUID(),
      url: dto.url,
      intervalSeconds: interval,
      source: dto.source ?? new URL(dto.url).hostname,
      createdAt: now,
      consecutiveFailures: 0,
      nextPollAt: now,
      counts: { ...EMPTY_COUNTS },
    };
    await this.feeds.create(feed);
    return feed;
  }

  /** Every feed with its last poll, last error and item counts. */
  @Get()
  @ApiOkResponse({ schema: Type.Object({ items: Type.Array(FeedRecordSchema) }) as object })
  @RequireScope('wire')
  async list(): Promise<{ items: FeedRecord[] }> {
    return { items: await this.feeds.list() };
  }
}
