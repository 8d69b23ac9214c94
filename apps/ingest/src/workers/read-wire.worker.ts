import { isWireError, readWire, type ParseWireOptions, type WireResult } from '#wire';

export interface ReadWireTask {
  bytes: Uint8Array;
  contentType: string | undefined;
  opts: ParseWireOptions;
}

/** A WireError does not survive the trip between threads as itself: it travels as its fields. */
export type ReadWireOutcome = { result: WireResult } | { refused: { code: string; message: string; details?: Record<string, unknown> } };

/** Runs in a worker thread of the wire reader's pool (services/wire-reader.service.ts): parsing never holds ingest's event loop. */
export default async function readWireTask({ bytes, contentType, opts }: ReadWireTask): Promise<ReadWireOutcome> {
  try {
    return { result: await readWire(bytes, contentType, opts) };
  } catch (error) {
    if (isWireError(error)) return { refused: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
    throw error;
  }
}
