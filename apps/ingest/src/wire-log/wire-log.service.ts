import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { MessageEvent } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import { Observable } from 'rxjs';
import type { IntakeStatus, WireItemReceivedV1 } from '#contracts';
import { describeError } from '#messaging';
import { IntakeStatusRepository } from '../repositories/intake-status.repository.js';
import { WireLogIndex, matches, type WireLogEntry, type WireLogFilter, type WireLogLimits } from './wire-log-index.js';
import { WireLogRepository, type WireLogTail } from './wire-log.repository.js';

export const WIRE_LOG_LIMITS = Symbol('WIRE_LOG_LIMITS');

/** A line as the API shows it: its cursor id, the record, and the article's status now. */
export type WireLogItem = { id: string } & WireItemReceivedV1 & { status?: Pick<IntakeStatus, 'status' | 'reason' | 'updatedAt'> };

/** A silent live stream is cut by proxies after a minute or so: a comment-like event keeps it open. */
const HEARTBEAT_MS = 15_000;
/** Most lines a reconnecting stream is sent back at once (the rest: page the log). */
const MAX_REPLAY = 1000;

const toItem = (entry: WireLogEntry, status?: IntakeStatus): WireLogItem => ({
  id: String(entry.seq),
  ...entry.record,
  ...(status ? { status: { status: status.status, updatedAt: status.updatedAt, ...(status.reason ? { reason: status.reason } : {}) } } : {}),
});

/**
 * The intake log: every item that reached wire intake and what intake did with it. Lines go to
 * the log's stream; each instance keeps the window in memory (WireLogIndex) from its own writes
 * and a tail of the stream, so a page is answered without reading the stream, and the live view
 * (SSE) gets new lines and, while anyone watches, the articles' status changes.
 */
@Injectable()
export class WireLogService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('WireLog');
  private readonly index: WireLogIndex;
  private readonly events = new EventEmitter().setMaxListeners(0);
  private tail?: WireLogTail;
  private stopWatching?: Promise<() => void>;
  private watchers = 0;
  private readonly open = new Set<() => void>();

  constructor(
    private readonly repository: WireLogRepository,
    private readonly statuses: IntakeStatusRepository,
    @Inject(WIRE_LOG_LIMITS) limits: WireLogLimits,
  ) {
    this.index = new WireLogIndex(limits);
  }

  async onModuleInit(): Promise<void> {
    this.tail = await this.repository.tail(
      (seq, record) => this.take(seq, record),
      (message) => this.logger.warn(message),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    for (const close of [...this.open]) close();
    await this.tail?.stop();
    (await this.stopWatching)?.();
  }

  /**
   * Appends lines for one document, in the order given (the publishes leave in that order, so the
   * sequences follow it). The log is a view of intake, not part of it: a line that cannot be
   * written is logged and dropped, never a reason to refuse copy already taken.
   */
  async record(records: readonly WireItemReceivedV1[], correlationId: string): Promise<void> {
    await Promise.all(
      records.map(async (record) => {
        try {
          this.take(await this.repository.append(record, correlationId), record);
        } catch (error) {
          this.logger.warn(`intake log line not written (${record.outcome} ${record.guid ?? record.headline ?? ''}): ${describeError(error)}`);
        }
      }),
    );
  }

  /** Newest first, before the cursor `before`; each line with its article's status now. */
  async page(filter: WireLogFilter, before: number | undefined, limit: number): Promise<{ items: WireLogItem[]; next?: string }> {
    await this.tail?.caughtUp;
    const { items, next } = this.index.page(filter, before, limit);
    const statuses = await Promise.all(items.map((e) => (e.record.articleId ? this.statuses.getStatus(e.record.articleId).catch(() => undefined) : undefined)));
    return { items: items.map((e, k) => toItem(e, statuses[k])), ...(next !== undefined ? { next: String(next) } : {}) };
  }

  /**
   * New lines (event `item`, id = the line's cursor) and status changes of the articles in the
   * window (event `status`, no id), as Server-Sent Events. From `lastEventId`, the lines missed
   * since are sent first; status changes missed are not (a page read gives them).
   */
  live(filter: WireLogFilter, lastEventId: number | undefined): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      const onItem = (entry: WireLogEntry) => {
        if (matches(entry, filter)) subscriber.next({ type: 'item', id: String(entry.seq), data: toItem(entry) });
      };
      const onStatus = (status: IntakeStatus) => {
        const latest = this.index.latestFor(status.articleId);
        if (latest && matches(latest, { ...filter, since: undefined, until: undefined })) subscriber.next({ type: 'status', data: status });
      };
      if (lastEventId !== undefined) for (const entry of this.index.after(lastEventId, filter, MAX_REPLAY)) onItem(entry);
      this.events.on('item', onItem);
      this.watchStatuses(1);
      this.events.on('status', onStatus);
      const heartbeat = setInterval(() => subscriber.next({ type: 'heartbeat', data: '' }), HEARTBEAT_MS);
      const close = () => subscriber.complete();
      this.open.add(close);
      return () => {
        clearInterval(heartbeat);
        this.events.off('item', onItem);
        this.events.off('status', onStatus);
        this.open.delete(close);
        this.watchStatuses(-1);
      };
    });
  }

  private take(seq: number, record: WireItemReceivedV1): void {
    const entry = this.index.add(seq, record);
    if (entry) this.events.emit('item', entry);
  }

  /** Status changes are watched only while a live view is open: every status write of the pipeline would cost otherwise. */
  private watchStatuses(delta: 1 | -1): void {
    this.watchers += delta;
    if (this.watchers === 1 && delta === 1 && !this.stopWatching) {
      this.stopWatching = this.statuses.watchStatuses((status) => this.events.emit('status', status));
      this.stopWatching.catch((error: unknown) => this.logger.warn(`status watch failed: ${describeError(error)}`));
    } else if (this.watchers === 0 && this.stopWatching) {
      const stopping = this.stopWatching;
      this.stopWatching = undefined;
      void stopping.then((stop) => stop()).catch(() => undefined);
    }
  }
}
