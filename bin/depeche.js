#!/usr/bin/env node
// `npx depeche <command>`: the operator's command line (see `npx depeche help`).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const main = path.join(root, 'dist/apps/cli/src/main.js');
// From a clone that was never built: the command line alone, with the Nest CLI.
if (!existsSync(main)) execFileSync('npx', ['nest', 'build', 'cli'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
await import(main);
