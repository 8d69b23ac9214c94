#!/usr/bin/env node
// Scores libs/nlp against the gold dev set and the BIO NER subsets, using the BUILT code.
// Entities on dev are scored k-fold: the dev set is part of the shipped model's training data, so
// each fold is tagged by a model trained on shared/train and the other folds (ner-training.mjs).
// Usage (from the repo root): npm run eval:nlp [-- --folds 5] [--gold path] [--topics]
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { evalDataPath } from './eval-data.mjs';
import { Worker } from 'node:worker_threads';
import { articleOf } from './gold-articles.mjs';
import { DEFAULT_FOLDS, foldOf, readDev } from './ner-training.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const args = process.argv.slice(2);
const argValue = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const goldPath = argValue('--gold', undefined) ?? evalDataPath('gold/dev.jsonl');
const nerDir = argValue('--ner', undefined) ?? evalDataPath('corpus/ner');
// The enrichment service's default threshold (ENRICHMENT_MIN_CONFIDENCE_PERCENT), as a fraction.
const minConfidence = Number(argValue('--min-confidence', process.env.ENRICHMENT_MIN_CONFIDENCE_PERCENT ?? '0')) / 100;
const NER_SETS = [
  ['wikigold_en_subset.bio', 'en'],
  ['europeana_fr_bnf_subset.bio', 'fr'],
];
const GOLD_TYPE = { person: 'PER', organisation: 'ORG', place: 'LOC' };
// Training settings for the cross-validation folds (defaults: those of the shipped model).
const trainingOptions = Object.fromEntries(
  [
    ['epochs', '--epochs'],
    ['devWeight', '--dev-weight'],
    ['gazetteerDropout', '--gazetteer-dropout'],
  ]
    .filter(([, flag]) => args.includes(flag))
    .map(([key, flag]) => [key, Number(argValue(flag))]),
);

async function importBuilt(relative) {
  const path = resolve(root, 'dist/libs/nlp/src', relative);
  if (!existsSync(path)) return undefined;
  return import(pathToFileURL(path).href);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (x) => (Number.isNaN(x) ? '  n/a' : `${(100 * x).toFixed(1).padStart(5)}%`);
const prf = ({ tp, fp, fn }) => {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { tp, fp, fn, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};
const add = (a, b) => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });
const zero = () => ({ tp: 0, fp: 0, fn: 0 });

/** Exact typed spans (fallback when the entity module has no scoreEntities). */
function exactScore(gold, predicted) {
  const key = (s) => `${s.start}:${s.end}:${s.type}`;
  const g = new Set(gold.map(key));
  const p = new Set(predicted.map(key));
  let tp = 0;
  for (const k of p) if (g.has(k)) tp++;
  return { tp, fp: p.size - tp, fn: g.size - tp };
}

/** Body mentions, with offsets into the gold text. */
function predictedSpans(article, offset) {
  return [...article.people, ...article.organisations, ...article.places].flatMap((tag) =>
    tag.mentions.filter((m) => !m.field).map((m) => ({ start: m.start + offset, end: m.end + offset, type: GOLD_TYPE[tag.type] })),
  );
}

/**
 * Each fold of dev tagged by a model that never saw it: trained on shared/train and the other
 * folds. Returns the enriched article of every fully annotated record, by id.
 */
async function crossValidated(nlp, entitiesModule, records, articleById, folds) {
  const dir = mkdtempSync(join(tmpdir(), 'depeche-cv-'));
  const data = dirname(evalDataPath('train'));
  const outputs = new Map();
  const train = (fold) =>
    new Promise((done, fail) => {
      const dev = records.filter((_r, i) => foldOf(i, folds) !== fold);
      const worker = new Worker(new URL('./train-fold.worker.mjs', import.meta.url), { workerData: { data, dev, options: trainingOptions } });
      worker.once('message', (file) => done(Buffer.from(file)));
      worker.once('error', fail);
    });
  // Two folds at a time: training is single-threaded.
  const files = [];
  for (let fold = 0; fold < folds; fold += 2) files.push(...(await Promise.all([fold, fold + 1].filter((f) => f < folds).map(train))));
  try {
    for (let fold = 0; fold < folds; fold++) {
      const held = records.filter((_r, i) => foldOf(i, folds) === fold);
      const file = files[fold];
      const modelPath = join(dir, `fold-${fold}.bin.gz`);
      writeFileSync(modelPath, file);
      const entityTagger = entitiesModule.createEntityTagger({ taggerId: `nlp@cv${fold}`, modelPath, minConfidence });
      const enricher = await nlp.createEnricher({ version: `cv${fold}`, entityTagger, minConfidence });
      for (const r of held) outputs.set(r.id, enricher.enrich(articleById(r.id)));
      console.error(`[eval:nlp] fold ${fold + 1}/${folds}: ${held.length} documents`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return outputs;
}

/** Amount matches: exact span + value + currency (strict), and value + currency anywhere (loose). */
function amountScore(gold, predicted) {
  const strict = (a) => `${a.start}:${a.end}:${a.currency}:${Math.round(a.value * 100)}`;
  const loose = (a) => `${a.currency}:${Math.round(a.value * 100)}`;
  const count = (keyOf) => {
    const pool = gold.map(keyOf);
    let tp = 0;
    for (const p of predicted) {
      const at = pool.indexOf(keyOf(p));
      if (at >= 0) {
        tp++;
        pool.splice(at, 1);
      }
    }
    return { tp, fp: predicted.length - tp, fn: gold.length - tp };
  };
  return { strict: count(strict), loose: count(loose) };
}

/** Span-level scores of a BIO set, per type; gold MISC spans are outside the three types. */
function evalNer(tagger, score, parseBio) {
  const results = [];
  for (const [file, language] of NER_SETS) {
    const path = resolve(nerDir, file);
    if (!existsSync(path)) continue;
    const byType = { PER: zero(), ORG: zero(), LOC: zero() };
    for (const { text, spans } of parseBio(readFileSync(path, 'utf8'), file)) {
      const misc = spans.filter((s) => s.type === 'MISC');
      const predicted = tagger.tag(text, language).flatMap((tag) => tag.mentions.map((m) => ({ start: m.start, end: m.end, type: GOLD_TYPE[tag.type] })));
      // A prediction on a gold MISC span is neither right nor wrong.
      const scored = predicted.filter((p) => !misc.some((m) => m.start < p.end && p.start < m.end));
      for (const type of Object.keys(byType)) {
        byType[type] = add(
          byType[type],
          score(
            spans.filter((s) => s.type === type),
            scored.filter((s) => s.type === type),
          ),
        );
      }
    }
    results.push({ file, language, byType });
  }
  return results;
}

const folded = (x) => x.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’`]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();

/** `--errors`: per document, the predicted entities no gold name matches and the gold entities never found. */
function printErrors(full) {
  for (const { d, out } of full) {
    const gold = d.entities.map((e) => ({ type: e.type, names: new Set([folded(e.text), folded(e.canonical ?? e.text)]) }));
    const predicted = [...out.people, ...out.organisations, ...out.places].map((t) => ({
      type: GOLD_TYPE[t.type],
      name: t.name,
      names: [t.name, ...t.mentions.map((m) => m.text)].map(folded),
    }));
    const fp = predicted.filter((p) => !gold.some((g) => g.type === p.type && p.names.some((n) => g.names.has(n))));
    const fn = [...new Map(d.entities.map((e) => [`${e.type}|${e.canonical ?? e.text}`, e])).values()].filter(
      (e) => !predicted.some((p) => p.type === e.type && p.names.some((n) => n === folded(e.text) || n === folded(e.canonical ?? e.text))),
    );
    if (fp.length || fn.length)
      console.log(`${d.id}\n  FP ${fp.map((p) => `${p.type}:${p.name}`).join(' | ')}\n  FN ${fn.map((e) => `${e.type}:${e.text}`).join(' | ')}`);
  }
}

/** Document-level score: the set of typed entities per document (see scoreDocumentEntities). */
function documentScores(entities, full) {
  const rows = {};
  for (const { d, out } of full) {
    rows[d.language] ??= { PER: zero(), ORG: zero(), LOC: zero() };
    const predicted = [...out.people, ...out.organisations, ...out.places].map((tag) => ({
      type: GOLD_TYPE[tag.type],
      name: tag.name,
      texts: tag.mentions.map((m) => m.text),
    }));
    for (const type of ['PER', 'ORG', 'LOC']) {
      const gold = d.entities.filter((e) => e.type === type);
      rows[d.language][type] = add(
        rows[d.language][type],
        entities.scoreDocumentEntities(
          gold,
          predicted.filter((p) => p.type === type),
        ),
      );
    }
  }
  return rows;
}

/**
 * Per-article wall time (median of rounds) and mean CPU time. On a shared machine the wall
 * time includes waiting for a core; process CPU time is closer to the cost on an idle core.
 */
function timeEnrich(enricher, articles, rounds = 7) {
  for (let r = 0; r < 2; r++) for (const a of articles) enricher.enrich(a); // warm-up (JIT)
  const perDoc = articles.map(() => []);
  const cpu0 = process.cpuUsage();
  for (let r = 0; r < rounds; r++) {
    articles.forEach((a, i) => {
      const t0 = performance.now();
      enricher.enrich(a);
      perDoc[i].push(performance.now() - t0);
    });
  }
  const cpu = process.cpuUsage(cpu0);
  return {
    wall: perDoc.map(median),
    // A doc's fastest round is the nearest to its cost on a core nobody else is using.
    fastest: perDoc.map((times) => Math.min(...times)),
    cpuMeanMs: (cpu.user + cpu.system) / 1000 / (rounds * articles.length),
  };
}

function printEntityTable(title, rows) {
  console.log(`\n${title}`);
  console.log('  set/lang   type     P       R       F1     (tp/fp/fn)');
  for (const { label, byType } of rows) {
    let all = zero();
    for (const [type, s] of Object.entries(byType)) {
      all = add(all, s);
      const m = prf(s);
      console.log(`  ${label.padEnd(12)} ${type.padEnd(4)} ${pct(m.p)}  ${pct(m.r)}  ${pct(m.f1)}   (${s.tp}/${s.fp}/${s.fn})`);
    }
    const m = prf(all);
    console.log(`  ${label.padEnd(12)} ALL  ${pct(m.p)}  ${pct(m.r)}  ${pct(m.f1)}   (${all.tp}/${all.fp}/${all.fn})`);
  }
}

async function main() {
  const nlp = await importBuilt('index.js');
  if (!nlp) throw new Error('dist/libs/nlp/src/index.js missing: run `npm run build` first');
  const entitiesModule = await importBuilt('entities/index.js');
  const score = entitiesModule?.scoreEntities ?? exactScore;

  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const enricher = await nlp.createEnricher({ version: 'eval', minConfidence });
  const loadMs = performance.now() - t0;
  const rssAfter = process.memoryUsage().rss;

  const docs = readFileSync(goldPath, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  const articles = docs.map(articleOf);
  const folds = Number(argValue('--folds', String(DEFAULT_FOLDS)));
  const byId = new Map(docs.map((d, i) => [d.id, articles[i]]));
  const cv = entitiesModule ? await crossValidated(nlp, entitiesModule, readDev(goldPath), (id) => byId.get(id), folds) : new Map();
  const outputs = articles.map((a, i) => cv.get(docs[i].id) ?? enricher.enrich(a));

  // Language: every document; detection as the enricher saw it (facts.language).
  const langHits = docs.filter((d, i) => outputs[i].facts?.language?.code === d.language);
  const langMisses = docs
    .filter((d, i) => outputs[i].facts?.language?.code !== d.language)
    .map((d) => `${d.id}: ${d.language} -> ${outputs[docs.indexOf(d)].facts?.language?.code}`);

  const full = docs.map((d, i) => ({ d, out: outputs[i], offset: articles[i].offset })).filter(({ d }) => d.annotation_scope === 'full');
  const withTopics = full.filter(({ d }) => d.topics?.length);
  const primaryHits = withTopics.filter(({ d, out }) => out.subjects[0]?.code === d.topics[0]);
  const top3Hits = withTopics.filter(({ d, out }) => out.subjects.slice(0, 3).some((s) => s.code === d.topics[0]));
  const anyGoldHits = withTopics.filter(({ d, out }) => out.subjects.some((s) => d.topics.includes(s.code)));

  const entityRows = {};
  let amountStrict = zero();
  let amountLoose = zero();
  for (const { d, out, offset } of full) {
    const key = d.language;
    entityRows[key] ??= { PER: zero(), ORG: zero(), LOC: zero() };
    const predicted = predictedSpans(out, offset);
    const inBody = d.entities.filter((e) => e.start >= offset);
    for (const type of ['PER', 'ORG', 'LOC']) {
      entityRows[key][type] = add(
        entityRows[key][type],
        score(
          inBody.filter((e) => e.type === type),
          predicted.filter((p) => p.type === type),
        ),
      );
    }
    const shift = (a) => ({ ...a, start: a.start - offset, end: a.end - offset });
    const a = amountScore((d.amounts ?? []).filter((x) => x.start >= offset).map(shift), out.amounts ?? []);
    amountStrict = add(amountStrict, a.strict);
    amountLoose = add(amountLoose, a.loose);
  }

  const msAll = timeEnrich(enricher, articles);
  const noEntities = await nlp.createEnricher({ version: 'eval', entityTagger: null });
  const msCore = timeEnrich(noEntities, articles);
  const big = articles.filter((a) => a.bodyText.length >= 2000);

  console.log(`gold: ${goldPath} (${docs.length} docs, ${full.length} fully annotated)`);
  console.log(`entity tagger: ${entitiesModule ? 'libs/nlp/src/entities' : 'MISSING (entities not scored)'}`);
  console.log(`\nload: createEnricher ${loadMs.toFixed(0)} ms, RSS ${(rssBefore / 1e6).toFixed(0)} -> ${(rssAfter / 1e6).toFixed(0)} MB`);
  console.log(
    `language accuracy: ${pct(langHits.length / docs.length)} (${langHits.length}/${docs.length})${langMisses.length ? `  misses: ${langMisses.join('; ')}` : ''}`,
  );
  console.log(
    `primary topic accuracy: ${pct(primaryHits.length / withTopics.length)} (${primaryHits.length}/${withTopics.length}); gold primary in top 3: ${pct(top3Hits.length / withTopics.length)}; any predicted topic in gold: ${pct(anyGoldHits.length / withTopics.length)}`,
  );
  const as = prf(amountStrict);
  const al = prf(amountLoose);
  console.log(
    `amounts strict (span+value+currency): P ${pct(as.p)} R ${pct(as.r)} F1 ${pct(as.f1)} (${amountStrict.tp}/${amountStrict.fp}/${amountStrict.fn})`,
  );
  console.log(`amounts loose (value+currency):       P ${pct(al.p)} R ${pct(al.r)} F1 ${pct(al.f1)} (${amountLoose.tp}/${amountLoose.fp}/${amountLoose.fn})`);
  if (entitiesModule) {
    const tagger = entitiesModule.createEntityTagger({ taggerId: 'nlp@eval', minConfidence });
    const training = await importBuilt('entities/training.js');
    const header = training.readModel(readFileSync(resolve(root, 'libs/nlp/data/ner-model.bin.gz'))).header;
    console.log(`\nconfidence threshold: ${minConfidence} (entities and topics below it are not emitted)`);
    console.log(
      `shipped entity model ${header.version}: trained on shared/train (${header.training.sets.join(', ')}; ${header.training.documents} documents) and ${header.training.devDocuments ?? 0} gold dev documents.`,
    );
    console.log(`Dev entities below are ${folds}-fold cross-validated: each fold tagged by a model trained on shared/train and the other ${folds - 1} folds.`);
    console.log(
      `  ${header.training.heldOutAsEvaluation} training documents sharing a sentence with the BIO sets were held out of training, so the BIO scores are on unseen text.`,
    );
    console.log('  Articles as the pipeline gets them: the title as headline, the rest of the text as body.');
    printEntityTable(
      'entities on gold dev, DOCUMENT level (typed entity sets, name or canonical name, accents/case ignored):',
      Object.entries(documentScores(entitiesModule, full)).map(([label, byType]) => ({ label: `dev/${label}`, byType })),
    );
    printEntityTable(
      'entities on gold dev, SPAN level (typed, exact span, body only):',
      Object.entries(entityRows).map(([label, byType]) => ({ label: `dev/${label}`, byType })),
    );
    const ner = evalNer(tagger, score, training.parseBio);
    printEntityTable(
      'entities on BIO sets (span level, typed, exact span, MISC ignored; wikigold documents held out of training, europeana never in it):',
      ner.map((r) => ({ label: `${r.file.split('_')[0]}/${r.language}`, byType: r.byType })),
    );
  }
  const bigTimes = await Promise.all([timeEnrich(enricher, big), timeEnrich(noEntities, big)]);
  const timing = (t) => `${median(t.wall).toFixed(3)} | ${median(t.fastest).toFixed(3)} | ${t.cpuMeanMs.toFixed(3)}`;
  console.log("\nms/article (median wall | median of each doc's fastest round | mean CPU):");
  console.log(`  all ${articles.length} docs:            full enrich ${timing(msAll)}; without entities ${timing(msCore)}`);
  console.log(`  ${big.length} docs >= 2000 chars: full enrich ${timing(bigTimes[0])}; without entities ${timing(bigTimes[1])}`);
  console.log(`RSS at end: ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
  if (args.includes('--errors')) printErrors(full);
  if (args.includes('--topics')) {
    for (const { d, out } of withTopics) {
      const mark = out.subjects[0]?.code === d.topics[0] ? 'ok ' : 'XX ';
      console.log(
        `${mark}${d.id.padEnd(18)} gold ${d.topics
          .map((c) => c.slice(7, 9))
          .join(',')
          .padEnd(9)} got ${out.subjects.map((s) => `${s.code.slice(7, 9)}:${s.score}`).join(' ')}`,
      );
    }
  }
}

await main();
