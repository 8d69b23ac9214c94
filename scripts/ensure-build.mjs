// Builds when dist/ is missing or older than any source file, so `npm start` and
// `npm run bench` work on a fresh clone and after an edit, and are quick otherwise.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const stamp = path.join(root, 'dist', '.build-stamp');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    // bench/results is output, not source.
    if (entry.isDirectory() && entry.name !== 'results') newest = Math.max(newest, newestSource(full));
    else if (entry.isFile()) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

const sources = ['apps', 'libs', 'bench', 'scripts', 'test/harness'].map((d) => path.join(root, d)).filter(existsSync);
const newest = Math.max(...sources.map(newestSource), statSync(path.join(root, 'package.json')).mtimeMs);
if (!existsSync(stamp) || statSync(stamp).mtimeMs < newest) {
  console.log('building…');
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
}
