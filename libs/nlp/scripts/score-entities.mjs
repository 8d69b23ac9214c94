#!/usr/bin/env node
// Scores the entity tagger on the gold dev set and the BIO NER sets, per language and type,
// with the same scoreEntities() the enrichment eval uses. For fast iteration only.
// Usage: node libs/nlp/scripts/score-entities.mjs [--errors fr|en] [--gold path] [--no-bio]
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EVAL_DATA } from './eval-data.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const shared = EVAL_DATA;
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const TYPES = ['PER', 'ORG', 'LOC'];

/** Compiles the tagger alone, so a half-written neighbour module cannot break the run. */
async function loadTagger() {
  const out = join(tmpdir(), 'depeche-entities-build');
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const files = ['libs/nlp/src/entities/index.ts'];
  try {
    execFileSync(process.execPath, [tsc, '--outDir', out, '--rootDir', root, '--module', 'nodenext', '--moduleResolution', 'nodenext',
      '--target', 'es2023', '--strict', '--skipLibCheck', '--types', 'node', '--ignoreConfig', '--noCheck', ...files.map((f) => join(root, f))], { cwd: root, stdio: 'pipe' });
  } catch (err) {
    console.error(String(err.stdout ?? err));
    process.exit(1);
  }
  return import(pathToFileURL(join(out, 'libs/nlp/src/entities/index.js')).href);
}

function goldDocs(path) {
  return readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l))
    .filter((d) => d.annotation_scope === 'full' && (d.language === 'fr' || d.language === 'en'))
    .map((d) => ({ id: d.id, language: d.language, text: d.text, gold: d.entities, ignore: [] }));
}

/** BIO file -> documents; sentences on their own lines, tokens joined by spaces. */
function bioDocs(path, language) {
  const docs = [];
  let doc = null;
  let line = [];
  let offset = 0;
  let open = null;
  const closeEntity = () => {
    if (!open) return;
    (open.type === 'MISC' ? doc.ignore : doc.gold).push({ start: open.start, end: open.end, type: open.type });
    open = null;
  };
  const newDoc = () => {
    doc = { id: `${language}-${docs.length}`, language, text: '', gold: [], ignore: [] };
    docs.push(doc);
  };
  const flushLine = () => {
    closeEntity();
    if (line.length) doc.text += line.join(' ') + '\n';
    line = [];
  };
  newDoc();
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const [token, tag] = raw.split(' ');
    if (!raw.trim()) { flushLine(); continue; }
    if (token === '-DOCSTART-') { flushLine(); if (doc.text) newDoc(); continue; }
    offset = doc.text.length + line.reduce((n, t) => n + t.length + 1, 0);
    const [bio, type] = tag.split('-');
    if (bio === 'B' || bio === 'O' || (open && open.type !== type)) closeEntity();
    if (bio === 'B' || (bio === 'I' && !open)) open = { start: offset, end: offset + token.length, type };
    else if (bio === 'I') open.end = offset + token.length;
    line.push(token);
  }
  flushLine();
  return docs.filter((d) => d.text);
}

const overlaps = (a, b) => a.start < b.end && b.start < a.end;

function evaluate(lib, tagger, docs, errorsFor) {
  const byType = Object.fromEntries(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  let total = { tp: 0, fp: 0, fn: 0 };
  for (const doc of docs) {
    const predicted = tagger.tag(doc.text, doc.language).flatMap((tag) =>
      tag.mentions.map((m) => ({ start: m.start, end: m.end, type: lib.GOLD_TYPE[tag.type], text: m.text })))
      .filter((p) => !doc.ignore.some((i) => overlaps(i, p)));
    total = lib.addScores(total, lib.scoreEntities(doc.gold, predicted));
    for (const t of TYPES) {
      byType[t] = lib.addScores(byType[t], lib.scoreEntities(doc.gold.filter((g) => g.type === t), predicted.filter((p) => p.type === t)));
    }
    if (errorsFor === doc.language) printErrors(doc, predicted);
  }
  return { total: lib.toPrf(total), byType: Object.fromEntries(TYPES.map((t) => [t, lib.toPrf(byType[t])])) };
}

function printErrors(doc, predicted) {
  const key = (s) => `${s.start}:${s.end}:${s.type}`;
  const goldKeys = new Set(doc.gold.map(key));
  const predKeys = new Set(predicted.map(key));
  for (const p of predicted) if (!goldKeys.has(key(p))) console.log(`FP ${doc.id} ${p.type} ${JSON.stringify(doc.text.slice(p.start, p.end))}`);
  for (const g of doc.gold) if (!predKeys.has(key(g))) console.log(`FN ${doc.id} ${g.type} ${JSON.stringify(doc.text.slice(g.start, g.end))}`);
}

const pct = (x) => (100 * x).toFixed(1).padStart(5);
function report(name, result) {
  const row = (label, s) => `  ${label.padEnd(5)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}   (tp ${s.tp} fp ${s.fp} fn ${s.fn})`;
  console.log(name);
  console.log(row('all', result.total));
  for (const t of TYPES) console.log(row(t, result.byType[t]));
}

function timeIt(tagger, docs) {
  const texts = docs.map((d) => [d.text, d.language]);
  for (let i = 0; i < 3; i++) for (const [t, l] of texts) tagger.tag(t, l);
  const per3k = [];
  for (let i = 0; i < 5; i++) {
    for (const [t, l] of texts) {
      const t0 = process.hrtime.bigint();
      tagger.tag(t, l);
      per3k.push((Number(process.hrtime.bigint() - t0) / 1e6) * (3000 / Math.max(t.length, 1)));
    }
  }
  per3k.sort((a, b) => a - b);
  return per3k[Math.floor(per3k.length / 2)];
}

async function main() {
  const lib = await loadTagger();
  const t0 = performance.now();
  const tagger = lib.createEntityTagger({ taggerId: 'nlp@dev', lexiconPath: process.env.ENTITY_LEXICON ?? join(root, 'libs/nlp/data/entities.json') });
  const loadMs = performance.now() - t0;
  const gold = goldDocs(option('--gold') ?? join(shared, 'gold', 'dev.jsonl'));
  const errorsFor = option('--errors');
  for (const lang of ['fr', 'en']) report(`gold/dev ${lang} (${gold.filter((d) => d.language === lang).length} docs)`, evaluate(lib, tagger, gold.filter((d) => d.language === lang), errorsFor));
  if (!args.includes('--no-bio')) {
    const ner = join(shared, 'corpus', 'ner');
    if (existsSync(ner)) {
      report('europeana fr (BIO)', evaluate(lib, tagger, bioDocs(join(ner, 'europeana_fr_bnf_subset.bio'), 'fr'), option('--bio-errors') === 'fr' ? 'fr' : undefined));
      report('wikigold en (BIO, MISC ignored)', evaluate(lib, tagger, bioDocs(join(ner, 'wikigold_en_subset.bio'), 'en'), option('--bio-errors') === 'en' ? 'en' : undefined));
    }
  }
  console.log(`load ${loadMs.toFixed(0)} ms; median ${timeIt(tagger, gold).toFixed(3)} ms per 3 KB`);
}

await main();
