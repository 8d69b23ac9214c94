import { ContractViolation } from '#contracts';

/**
 * A failure that no retry can fix (bad data, an impossible state): the message
 * is terminated and dead-lettered at once. Anything else is treated as transient.
 */
export class PermanentError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentError';
  }
}

export function isPermanent(error: unknown): boolean {
  return error instanceof PermanentError || error instanceof ContractViolation;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}
