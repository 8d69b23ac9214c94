// tsc compiles code only: the data files the libraries load at run time are copied beside the build.
import { cpSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
for (const lib of readdirSync(path.join(root, 'libs'))) {
  const data = path.join(root, 'libs', lib, 'data');
  if (existsSync(data)) cpSync(data, path.join(root, 'dist', 'libs', lib, 'data'), { recursive: true });
}

// Marks the build as current for scripts/ensure-build.mjs.
writeFileSync(path.join(root, 'dist', '.build-stamp'), new Date().toISOString());
