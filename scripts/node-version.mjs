// One Node for the project: the version package.json's engines field declares (.nvmrc and the image pin it).
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/** The lowest version engines.node accepts (">=24.15" gives [24, 15, 0]). */
export function declaredNode() {
  const range = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).engines.node;
  return (range.match(/\d+(\.\d+){0,2}/)?.[0] ?? '0').split('.').map(Number).concat(0, 0).slice(0, 3);
}

function older(actual, wanted) {
  for (let i = 0; i < 3; i++) if (actual[i] !== wanted[i]) return actual[i] < wanted[i];
  return false;
}

/** Exits with one line naming the version to use when this Node is older than the declared one. */
export function requireDeclaredNode(what) {
  const wanted = declaredNode();
  const actual = process.versions.node.split('.').map(Number);
  if (older(actual, wanted)) {
    const pinned = readFileSync(path.join(root, '.nvmrc'), 'utf8').trim();
    console.error(
      `${what} needs Node ${wanted.join('.')} or later (this is ${process.version}): use Node ${pinned} (.nvmrc), with nvm use or with the npm node package: export PATH="$(dirname "$(npx -y node@${pinned} -p process.execPath)"):$PATH"`,
    );
    process.exit(1);
  }
}
