import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomBytes, randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import { subjectToken } from '#contracts';
import { ContractPipe, invalidRequest, outboundUrlProblem, ProblemException, RequireScope, type OutboundPolicy } from '#runtime';
import {
  DeliveryRecord,
  SubscriberRecord,
  subscriberCreations,
  subscriberPatches,
  SubscriberCreateDto,
  type SubscriberFilter,
  SubscriberPatchDto,
} from '../dtos/subscriber.dto.js';
import { DeliveryRepository } from '../repositories/delivery.repository.js';
import { SubscriberRepository } from '../repositories/subscriber.repository.js';
import { DeliveryWorker } from '../services/delivery-worker.service.js';
import { ReplayService } from '../services/replay.service.js';

export const SUBSCRIBER_URL_POLICY = Symbol('SUBSCRIBER_URL_POLICY');

/** Filters as the fan-out compares them: languages lower-case, sections as routed subjects spell them, topics with "medtop:". */
function normalisedFilter(filter: SubscriberFilter | undefined): SubscriberFilter {
  if (!filter) return {};
  return {
    ...(filter.events ? { events: filter.events } : {}),
    ...(filter.languages ? { languages: [...new Set(filter.languages.map((l) => l.toLowerCase()))] } : {}),
    ...(filter.sections ? { sections: [...new Set(filter.sections.map((s) => subjectToken(s, 'general')))] } : {}),
    ...(filter.topics ? { topics: [...new Set(filter.topics.map((t) => (t.startsWith('medtop:') ? t : `medtop:${t}`)))] } : {}),
    ...(filter.sources ? { sources: filter.sources } : {}),
  };
}

/** A Standard Webhooks signing secret: whsec_ and 32 random bytes in base64. */
const newSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

const notFound = (id: string) => ProblemException.of(404, 'not-found', 'Not found', `No subscriber ${id}.`);
const LOG_LIMIT = { default: 50, max: 200 };

@ApiTags('subscribers')
@Controller('v1/subscribers')
@RequireScope('admin')
export class SubscribersController {
  constructor(
    private readonly subscribers: SubscriberRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly worker: DeliveryWorker,
    private readonly replays: ReplayService,
    @Inject(SUBSCRIBER_URL_POLICY) private readonly policy: Pick<OutboundPolicy, 'allowPrivateNetworks'>,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Register a subscriber; the answer holds its signing secret, shown this once',
    description: 'With `from` in the past, the lifecycle events the stream still holds from then on are replayed to it first.',
  })
  @ApiBody({ schema: SubscriberCreateDto as object })
  @ApiCreatedResponse({ schema: Type.Intersect([SubscriberRecord, Type.Object({ secret: Type.String() })]) as object })
  async create(@Body(new ContractPipe(subscriberCreations, 'subscriber')) dto: SubscriberCreateDto): Promise<SubscriberRecord & { secret: string }> {
    this.assertUrl(dto.url);
    const secret = newSecret();
    const now = new Date();
    const from = dto.from ? new Date(dto.from) : now;
    const record = await this.subscribers.create({
      id: randomUUID(),
      name: dto.name,
      url: dto.url,
      format: dto.format ?? 'ninjs',
      filter: normalisedFilter(dto.filter),
      secret,
      deliverFrom: from.toISOString(),
    });
    if (from < now) this.replays.start(from, record.id);
    return { ...record, secret };
  }

  @Get()
  @ApiOperation({ summary: 'Every subscriber with its health: last success, last error, backlog, pause' })
  @ApiOkResponse({ schema: Type.Object({ items: Type.Array(SubscriberRecord) }) as object })
  async list(): Promise<{ items: SubscriberRecord[] }> {
    return { items: await this.subscribers.list() };
  }

  @Get(':id')
  @ApiOkResponse({ schema: SubscriberRecord as object })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<SubscriberRecord> {
    return (await this.subscribers.find(id)) ?? Promise.reject(notFound(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a subscriber, or pause and resume it (resuming delivers its backlog)' })
  @ApiBody({ schema: SubscriberPatchDto as object })
  @ApiOkResponse({ schema: SubscriberRecord as object })
  async update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ContractPipe(subscriberPatches, 'subscriber')) dto: SubscriberPatchDto,
  ): Promise<SubscriberRecord> {
    if (dto.url) this.assertUrl(dto.url);
    const record = await this.subscribers.update(id, { ...dto, ...(dto.filter ? { filter: normalisedFilter(dto.filter) } : {}) });
    if (!record) throw notFound(id);
    if (dto.status === 'active') this.worker.wake();
    return record;
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    if (!(await this.subscribers.remove(id))) throw notFound(id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The delivery log, newest first: every event owed, its attempts and what came of them' })
  @ApiOkResponse({ schema: Type.Object({ items: Type.Array(DeliveryRecord) }) as object })
  async log(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query('status') status?: string,
    @Query('before') before?: string,
    @Query('limit') limit?: string,
  ): Promise<{ items: DeliveryRecord[] }> {
    if (status !== undefined && !['pending', 'delivered', 'failed'].includes(status))
      throw invalidRequest([{ field: 'status', reason: 'must be one of pending, delivered, failed' }]);
    if (before !== undefined && !/^\d{1,18}$/.test(before)) throw invalidRequest([{ field: 'before', reason: 'must be a delivery number' }]);
    const size = limit === undefined ? LOG_LIMIT.default : Number(limit);
    if (!Number.isInteger(size) || size < 1 || size > LOG_LIMIT.max)
      throw invalidRequest([{ field: 'limit', reason: `must be an integer from 1 to ${LOG_LIMIT.max}` }]);
    if (!(await this.subscribers.find(id))) throw notFound(id);
    return { items: await this.deliveries.log(id, { limit: size, before, status: status as DeliveryRecord['status'] | undefined }) };
  }

  @Post(':id/deliveries/:delivery/redrive')
  @HttpCode(202)
  @ApiOperation({ summary: 'Owe a failed delivery again, now' })
  @ApiOkResponse({ schema: DeliveryRecord as object })
  async redrive(@Param('id', new ParseUUIDPipe()) id: string, @Param('delivery') delivery: string): Promise<DeliveryRecord> {
    if (!/^\d{1,18}$/.test(delivery)) throw invalidRequest([{ field: 'delivery', reason: 'must be a delivery number' }]);
    const record = await this.deliveries.redrive(id, delivery);
    if (!record) throw ProblemException.of(404, 'not-found', 'Not found', `Subscriber ${id} has no failed delivery ${delivery}.`);
    this.worker.wake();
    return record;
  }

  private assertUrl(url: string): void {
    const problem = outboundUrlProblem(url, this.policy);
    if (problem) throw invalidRequest([{ field: 'url', reason: problem }]);
  }
}
