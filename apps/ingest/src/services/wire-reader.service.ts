import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { readWire, WireError, type ParseWireOptions, type WireResult } from '#wire';
import type { ReadWireOutcome, ReadWireTask } from '../workers/read-wire.worker.js';

/** Below this size a document parses in a few milliseconds: handing it to a thread would cost more than it saves. */
export const INLINE_PARSE_BYTES = 64 * 1024;

/**
 * Reads wire documents in a pool of worker threads (Piscina): a megabyte of XML takes 50 to 100 ms to parse, and a
 * hostile one several times that; on ingest's event loop that time would stall every other request, health
 * included. Small documents are read inline. Where the worker is not built (the service run from its sources by a
 * test), everything is read inline.
 */
@Injectable()
export class WireReaderService implements OnModuleDestroy {
  private readonly pool?: Piscina<ReadWireTask, ReadWireOutcome>;

  constructor() {
    const worker = fileURLToPath(new URL('../workers/read-wire.worker.js', import.meta.url));
    // One thread ready from the start (its modules load then, not on a request), two at most: ingest shares the machine.
    if (existsSync(worker)) this.pool = new Piscina({ filename: worker, minThreads: 1, maxThreads: 2, idleTimeout: 30_000 });
  }

  async read(bytes: Uint8Array, contentType: string | undefined, opts: ParseWireOptions): Promise<WireResult> {
    if (!this.pool || bytes.byteLength < INLINE_PARSE_BYTES) return readWire(bytes, contentType, opts);
    const outcome = await this.pool.run({ bytes, contentType, opts });
    if ('refused' in outcome) throw new WireError(outcome.refused.code, outcome.refused.message, outcome.refused.details);
    return outcome.result;
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.destroy();
  }
}
