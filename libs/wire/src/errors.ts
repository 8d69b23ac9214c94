/**
 * Why a wire document could not become articles. The code is stable and
 * machine-readable (ingest maps it to a dead letter or an HTTP 422); the message
 * is for a human and names the concrete reason.
 */
export type WireErrorCode =
  | 'malformed-xml'
  | 'doctype-forbidden'
  | 'entity-expansion'
  | 'unsupported-format'
  | 'schema-invalid'
  | 'empty-document'
  | 'no-text-item'
  | 'too-deep'
  | 'too-many-items'
  | 'too-large'
  | 'malformed-json'
  | 'encoding'
  | 'invalid-encoding';

export class WireError extends Error {
  override readonly name = 'WireError';

  /** `code` is a WireErrorCode; typed as string so other parsers can add codes without touching this file. */
  constructor(
    readonly code: WireErrorCode | (string & {}),
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function isWireError(error: unknown, code?: string): error is WireError {
  return error instanceof WireError && (code === undefined || error.code === code);
}
