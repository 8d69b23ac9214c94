import { PinoLogger } from 'nestjs-pino';
import type { Logger } from 'pino';

/**
 * The root pino logger if it writes debug lines, else undefined: per-request and
 * per-message lines are only built when someone reads them.
 */
export function debugLog(): Logger | undefined {
  const root = PinoLogger.root as Logger | undefined;
  return root?.isLevelEnabled('debug') ? root : undefined;
}
