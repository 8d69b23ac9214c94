import { Logger } from '@nestjs/common';

/**
 * On SIGTERM, SIGINT or SIGHUP (the terminal that ran it closed): stop pulling, finish and ack the messages in hand,
 * flush the outbox and the spans, drain NATS, then exit 0, well inside the
 * container's grace period. A second signal ends the process at once.
 * (Nest's own shutdown hooks would re-raise the signal: exit status 143.)
 */
export function stopOnSignals(name: string, app: { close(): Promise<void> }): void {
  const stop = (signal: NodeJS.Signals) => {
    const logger = new Logger('Shutdown');
    const started = Date.now();
    logger.log(`${signal} received, draining`);
    app.close().then(
      () => {
        logger.log(`${name} stopped cleanly in ${Date.now() - started} ms`);
        process.exit(0);
      },
      (error: unknown) => {
        logger.error(`${name} did not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(signal, stop);
}
