import { useEffect, useRef } from 'preact/hooks';

/** Runs `tick` now and every `ms` while mounted (and while `active`); a slow tick is never overlapped by the next. */
export function usePolling(tick: () => Promise<void>, ms: number, active = true): void {
  const latest = useRef(tick);
  latest.current = tick;
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      await latest.current().catch(() => undefined);
      if (!stopped) timer = setTimeout(() => void run(), ms);
    };
    void run();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [ms, active]);
}
