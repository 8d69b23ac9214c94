#!/usr/bin/env node
// Copies the ninjs JSON Schemas libs/wire validates against into the repo, so the
// parser never reads outside it at run time. Run from the repo root:
//   node scripts/build-wire-data.mjs [path/to/corpus/ninjs/schemas]
// Only the latest schema of each major version is shipped: ninjs minors are
// backwards compatible, and a document is validated against its major's latest.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const source = path.resolve(process.argv[2] ?? '../shared/corpus/ninjs/schemas');
const target = path.resolve('libs/wire/data/ninjs');

// GeoJSON is $ref'd by the 2.x and 3.x schemas for place geometry.
const files = ['ninjs-schema_1.6.json', 'ninjs-schema_2.2.json', 'ninjs-schema_3.1.json', 'GeoJSON-schema.json'];

await mkdir(target, { recursive: true });
for (const file of files) {
  const text = await readFile(path.join(source, file), 'utf8');
  // Parse before writing so a truncated or corrupt source never lands in the repo.
  JSON.parse(text);
  // writeFile rather than copyFile: the corpus is read-only and its mode must not follow.
  await writeFile(path.join(target, file), text);
  console.log(`copied ${file}`);
}
