#!/usr/bin/env node
// Builds libs/nlp/data/mediatopics.json from the IPTC Media Topics SKOS dump (CC BY 4.0).
// Run at build time only: the runtime must never read the 2 MB source, which lives outside the repo.
// Usage: node libs/nlp/scripts/build-topic-data.mjs [source.json] [out.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const source = process.argv[2] ?? resolve(here, '../../../../shared/corpus/mediatopics/mediatopic_cptall-x-all_2019-04-06.json');
const out = process.argv[3] ?? resolve(here, '../data/mediatopics.json');

const codeOf = (uriOrQcode) => `medtop:${uriOrQcode.split(/[/:]/).pop()}`;

/** English labels come as en-GB in this release; keep whichever English variant exists. */
const english = (map) => map?.['en-GB'] ?? map?.['en-US'] ?? map?.en;

function compactConcept(concept) {
  const entry = {
    code: concept.qcode,
    parent: concept.broader?.length ? codeOf(concept.broader[0]) : null,
    en: english(concept.prefLabel),
    fr: concept.prefLabel?.fr ?? null,
  };
  // Definitions of the 17 top levels document what each covers; deeper ones would only bloat the file.
  if (!entry.parent) entry.definition = english(concept.definition) ?? null;
  return entry;
}

function topOf(code, byCode) {
  let current = byCode.get(code);
  const seen = new Set();
  while (current?.parent && !seen.has(current.code)) {
    seen.add(current.code);
    current = byCode.get(current.parent);
  }
  return current?.code ?? code;
}

const raw = JSON.parse(readFileSync(source, 'utf8'));
const live = raw.conceptSet.filter((c) => !c.retired && c.qcode?.startsWith('medtop:'));
const concepts = live.map(compactConcept);
const byCode = new Map(concepts.map((c) => [c.code, c]));
for (const c of concepts) c.top = topOf(c.code, byCode);

const data = {
  source: 'IPTC Media Topics, release 2019-04-06 (http://cv.iptc.org/newscodes/mediatopic/)',
  licence: raw.licenceLink,
  copyright: raw.copyrightHolder,
  concepts,
};
writeFileSync(out, JSON.stringify(data));
console.log(`wrote ${concepts.length} concepts (${live.length} live of ${raw.conceptSet.length}) to ${out}`);
