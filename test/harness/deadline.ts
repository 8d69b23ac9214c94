import { afterAll, expect } from '@jest/globals';

/**
 * Every test file has a hard deadline: one that is still running after it (a hung await, a handle nobody closed)
 * ends the run with its name instead of holding CI until its own limit. jest's per-test timeout does not cover
 * hooks that never settle or a process kept alive after the last test.
 */
const minutes = Number(process.env.TEST_FILE_DEADLINE_MINUTES ?? 10);
const file = expect.getState().testPath ?? 'a test file';
const timer = setTimeout(() => {
  console.error(`${file} is still running after its ${minutes}-minute deadline: stopping the run`);
  process.exit(1);
}, minutes * 60_000);
timer.unref();
afterAll(() => clearTimeout(timer));
