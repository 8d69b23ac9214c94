/**
 * Reads a V8 .cpuprofile (from `npm run bench -- --profile`) and prints where
 * the samples landed: the top functions by self time, and self time by
 * package (node_modules/<pkg>, the project's own dist/, node internals).
 *   node dist/bench/profile-top.js <file.cpuprofile> [--top 25]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time (ms) per node id: each sample is charged the delta to the next one. */
function selfTimes(profile: Profile): Map<number, number> {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000));
  return self;
}

function packageOf(url: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  const own = /\/dist\/((?:apps|libs)\/[^/]+)/.exec(url)?.[1];
  if (own) return own;
  return url.startsWith('node:') ? 'node internals' : url ? 'other' : '(vm: gc, program, idle)';
}

function top(entries: Map<string, number>, n: number, total: number) {
  return [...entries]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, ms]) => ({ name: name.slice(0, 110), ms: Math.round(ms), '%': Math.round((ms / total) * 1000) / 10 }));
}

function main(): void {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
  const profile = JSON.parse(readFileSync(positionals[0]!, 'utf8')) as Profile;
  const self = selfTimes(profile);
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    if (node.callFrame.functionName === '(idle)') continue;
    total += ms;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    byPackage.set(packageOf(url), (byPackage.get(packageOf(url)) ?? 0) + ms);
  }
  console.log(`${positionals[0]}: ${Math.round(total)} ms of non-idle samples`);
  console.table(top(byPackage, 15, total));
  console.table(top(byFunction, Number(values.top), total));
}

main();
