#!/usr/bin/env node
// Copies the ninjs JSON Schemas libs/wire validates against into the repo, and
// builds the compact IPTC Subject Code -> Media Topic table from the Media Topics
// export, so the parsers never read outside the repo at run time. Run from the repo root:
//   node scripts/build-wire-data.mjs [path/to/corpus/ninjs/schemas] [path/to/corpus/mediatopics]
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

// Subject Codes -> Media Topics: each Media Topic lists the legacy codes it matches
// (skos exactMatch / closeMatch, and broadMatch where a code is wider than any
// topic). Inverted into code -> [topic, match]: exact before close before broad, and
// among broad matches the topic with the code's own number; with the topics' English labels.
const topicsDir = path.resolve(process.argv[3] ?? '../shared/corpus/mediatopics');
const SUBJECT_URI = 'http://cv.iptc.org/newscodes/subjectcode/';
const topics = JSON.parse(await readFile(path.join(topicsDir, 'mediatopic_cptall-x-all_2019-04-06.json'), 'utf8'));
const subjectNames = JSON.parse(await readFile(path.join(topicsDir, 'iptc_subject_codes.json'), 'utf8'));
const map = {};
const RANK = { exact: 0, close: 1, broad: 2 };
const better = (candidate, current, code) =>
  !current || RANK[candidate[1]] < RANK[current[1]] || (candidate[1] === current[1] && candidate[0] === code && current[0] !== code);
const names = {};
for (const concept of topics.conceptSet) {
  const topic = concept.qcode.replace(/^medtop:/, '');
  for (const [kind, list] of [
    ['exact', concept.exactMatch],
    ['close', concept.closeMatch],
    ['broad', concept.broadMatch],
  ]) {
    for (const uri of list ?? []) {
      if (!uri.startsWith(SUBJECT_URI)) continue;
      const code = uri.slice(SUBJECT_URI.length);
      if (better([topic, kind], map[code], code)) map[code] = [topic, kind];
      names[topic] = concept.prefLabel['en-GB'] ?? concept.prefLabel.en;
    }
  }
}
const table = {
  source: `IPTC Media Topics ${topics.dateReleased} (exactMatch/closeMatch) and IPTC Subject NewsCodes`,
  licence: topics.licenceLink,
  copyright: topics.copyrightHolder,
  subjects: Object.fromEntries(
    Object.keys(subjectNames)
      .sort()
      .map((code) => [code, subjectNames[code]]),
  ),
  map: Object.fromEntries(
    Object.keys(map)
      .sort()
      .map((code) => [code, map[code]]),
  ),
  topics: Object.fromEntries(
    Object.keys(names)
      .sort()
      .map((code) => [code, names[code]]),
  ),
};
await mkdir(path.resolve('libs/wire/data/mediatopics'), { recursive: true });
await writeFile(path.resolve('libs/wire/data/mediatopics/subject-codes.json'), JSON.stringify(table) + '\n');
console.log(`built subject-codes.json: ${Object.keys(table.map).length} of ${Object.keys(table.subjects).length} subject codes mapped`);
