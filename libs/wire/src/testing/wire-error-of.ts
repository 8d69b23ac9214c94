import { WireError } from '../errors.js';

/** The WireError a parse throws; fails the test when it throws something else, or nothing. */
export function wireErrorOf(run: () => unknown): WireError {
  try {
    run();
  } catch (error) {
    if (error instanceof WireError) return error;
    throw error;
  }
  throw new Error('expected a WireError');
}
