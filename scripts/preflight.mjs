// What a suite needs from outside the repository, checked before it starts: one line saying how to get it.
//   node scripts/preflight.mjs corpus|chromium
import { existsSync } from 'node:fs';
import path from 'node:path';

const checks = {
  // Agency and publisher copy may not be republished, so the repository does not carry it.
  corpus() {
    const corpus = path.resolve(process.env.DEPECHE_CORPUS ?? path.resolve(import.meta.dirname, '../../shared/corpus'));
    if (!existsSync(path.join(corpus, 'MANIFEST.md')))
      return `The corpus suite reads agency and publisher copy the repository does not carry: nothing at ${corpus}; set DEPECHE_CORPUS to the folder holding its MANIFEST.md.`;
  },
  // playwright-core drives the machine's browser and downloads none.
  chromium() {
    const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    if (!existsSync(chromium))
      return `The browser tests drive Debian's chromium: nothing at ${chromium}; install it (sudo apt-get install chromium) or set CHROMIUM_PATH.`;
  },
};

const problem = checks[process.argv[2]]?.();
if (!(process.argv[2] in checks)) {
  console.error(`usage: node scripts/preflight.mjs <${Object.keys(checks).join('|')}>`);
  process.exit(2);
}
if (problem) {
  console.error(problem);
  process.exit(2);
}
