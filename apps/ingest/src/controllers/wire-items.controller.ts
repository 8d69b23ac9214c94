import { Controller, Get, Headers, Query, Sse, type MessageEvent } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { CallerKey, grants, invalidRequest, ProblemException, type ApiKey } from '#runtime';
import { parseWireLogQuery, WireLogPageDto } from '../dtos/wire-log-query.dto.js';
import type { WireLogFilter } from '../wire-log/wire-log-index.js';
import { WireLogService, type WireLogItem } from '../wire-log/wire-log.service.js';

/** A wire or admin key sees every line; a submit key its newsroom's; any other key none. */
function visibleTo(key: ApiKey, filter: WireLogFilter): WireLogFilter {
  if (grants(key, 'wire')) return filter;
  if (key.scopes.has('submit')) return { ...filter, newsroom: key.newsroom };
  throw ProblemException.of(403, 'forbidden', 'Forbidden', `The key "${key.name}" holds neither the "wire" nor the "submit" scope.`);
}

/** The intake log: what reached wire intake and what became of it, as pages and as a live stream. */
@ApiTags('wire')
@ApiBearerAuth()
@Controller('v1/wire/items')
export class WireItemsController {
  constructor(private readonly log: WireLogService) {}

  @Get()
  @ApiOperation({ summary: 'The intake log: every item that reached intake and what became of it, newest first' })
  @ApiOkResponse({ schema: WireLogPageDto as object })
  async list(@Query() query: Record<string, string>, @CallerKey() key: ApiKey): Promise<{ items: WireLogItem[]; next?: string }> {
    if ('lastEventId' in query) throw invalidRequest([{ field: 'lastEventId', reason: 'is for the stream; page with `before`' }]);
    const parsed = parseWireLogQuery(query);
    return this.log.page(visibleTo(key, parsed.filter), parsed.before, parsed.limit);
  }

  /** Server-Sent Events: `item` (id = the line's cursor) and `status`; resumes after Last-Event-ID. */
  @Sse('stream')
  stream(
    @Query() query: Record<string, string>,
    @Headers('last-event-id') lastEventHeader: string | undefined,
    @CallerKey() key: ApiKey,
  ): Observable<MessageEvent> {
    const header = lastEventHeader === undefined ? {} : { lastEventId: lastEventHeader };
    const parsed = parseWireLogQuery({ ...header, ...query });
    if ('before' in query) throw invalidRequest([{ field: 'before', reason: 'is for pages; the stream resumes with Last-Event-ID' }]);
    return this.log.live(visibleTo(key, parsed.filter), parsed.lastEventId);
  }
}
