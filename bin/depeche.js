#!/usr/bin/env node
// `npx depeche <command>`: the operator's command line (see `npx depeche help`).
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
execFileSync(process.execPath, [path.join(root, 'scripts/ensure-build.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
await import(path.join(root, 'dist/apps/cli/src/main.js'));
