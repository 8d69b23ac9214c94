/**
 * CPU time, context switches and memory of a process, read from /proc (Linux). CPU is
 * utime + stime in clock ticks (USER_HZ, 100 on Linux), so deltas between two
 * reads charge a process exactly what it used in between, whoever else ran.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/** `withChildren`: also the time of its children that have exited (cutime and cstime). */
export function cpuSeconds(pid: number, withChildren = false): number {
  try {
    // Fields after the ")" that closes the command name: utime, stime, cutime and cstime are the 12th to 15th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    const own = fields[11]! + fields[12]!;
    return (withChildren ? own + fields[13]! + fields[14]! : own) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/** Every process with this command name (`nats-server`, `postgres`: the server and its backends). */
export function pidsOfCommand(command: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === command) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/**
 * CPU seconds of every process with this command name, including children
 * that have exited (a backend or autovacuum worker ending mid-phase is reaped
 * into the postmaster's count), so the total only grows. Only this run's work
 * when nothing else uses them meanwhile.
 */
export function cpuSecondsOfCommand(command: string): number {
  return sum(pidsOfCommand(command).map((pid) => cpuSeconds(pid, true)));
}

/**
 * Context switches so far over every thread of a process: voluntary (it
 * waited for a socket, a timer or a lock) and not (preempted). Each one costs
 * a wake-up, and where waking is expensive (a virtual machine) that cost can
 * outweigh the work done per article at low load.
 */
export function contextSwitches(pid: number): number {
  let total = 0;
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const status = readFileSync(`/proc/${pid}/task/${task}/status`, 'utf8');
      total += Number(/^voluntary_ctxt_switches:\s+(\d+)/m.exec(status)?.[1] ?? 0) + Number(/^nonvoluntary_ctxt_switches:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    }
  } catch {
    // gone meanwhile
  }
  return total;
}

const sum = (values: number[]) => values.filter(Number.isFinite).reduce((a, b) => a + b, 0);

export interface Memory {
  rssMb: number;
  /** VmHWM: the peak resident set since the process started. */
  peakMb: number;
}

export function memory(pid: number): Memory {
  let status = '';
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    // the process is gone
  }
  const mb = (field: string) => Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024);
  return { rssMb: mb('VmRSS'), peakMb: mb('VmHWM') };
}
