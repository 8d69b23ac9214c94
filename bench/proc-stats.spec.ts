import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { contextSwitches, cpuSeconds, memory, pidsOfCommand } from './proc-stats.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('proc-stats', () => {
  it('counts the context switches of every thread of a process: nearly every wait for a timer is one', async () => {
    const before = contextSwitches(process.pid);
    for (let i = 0; i < 20; i++) await sleep(10);
    expect(contextSwitches(process.pid) - before).toBeGreaterThanOrEqual(15);
  });

  it('finds the processes of one command, and reports a vanished process as nothing', () => {
    expect(pidsOfCommand(readFileSync('/proc/self/comm', 'utf8').trim())).toContain(process.pid);
    expect(contextSwitches(2 ** 22 + 1)).toBe(0);
    expect(cpuSeconds(2 ** 22 + 1)).toBeNaN();
  });

  it('reads resident memory, the peak never below the current', () => {
    const { rssMb, peakMb } = memory(process.pid);
    expect(rssMb).toBeGreaterThan(10);
    expect(peakMb).toBeGreaterThanOrEqual(rssMb);
  });
});
