import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** Services under `node --cpu-prof`: each writes a .cpuprofile when it shuts down (read them with dist/bench/profile-top.js). */
export function profileArgs(enabled: boolean): string[] {
  if (!enabled) return [];
  const dir = path.resolve(import.meta.dirname, '../../bench/results/profiles', new Date().toISOString().replace(/[:.]/g, '-'));
  mkdirSync(dir, { recursive: true });
  console.log(`profiles: ${dir}`);
  return ['--cpu-prof', `--cpu-prof-dir=${dir}`];
}
