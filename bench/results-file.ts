/** Where every bench writes its JSON: bench/results/ (git-ignored), next to the sources whether run built or not. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';

const RESULTS = path.resolve(import.meta.dirname, import.meta.dirname.includes(`${path.sep}dist${path.sep}`) ? '../../bench/results' : 'results');

/** The 1, 5 and 15 minute load averages: the machine is shared, so every number carries them. */
export function loadAverage(): number[] {
  return loadavg().map((n) => Math.round(n * 100) / 100);
}

export function writeResults(name: string, data: object): string {
  mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, name);
  writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), loadAverage: loadAverage(), ...data }, null, 2)}\n`);
  return file;
}
