#!/usr/bin/env node
// Trains the entity tagger's weights (libs/nlp/data/ner-model.bin.gz) from the openly licensed sets in $DEPECHE_EVAL_DATA/train (../shared/train by default), using
// the BUILT feature code so training and tagging see the same tokens and features.
// Deterministic: a fixed seed, a fixed order; two runs write the same bytes.
// Usage (from the repo root): npm run train:ner [-- --epochs 6 --out path --sets winer,gum,wikigold]
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { evalDataPath } from './eval-data.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const shared = dirname(evalDataPath('train'));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);

const SEED = 14;
const EPOCHS = Number(option('--epochs', '6'));
const MIN_FEATURE_COUNT = 2;
const HOLDOUT_SHARE = 0.1;
const OUT = option('--out', resolve(root, 'libs/nlp/data/ner-model.bin.gz'));
const SETS = { winer: ['winer.fr.bio', 'fr'], gum: ['gum.en.bio', 'en'], wikigold: ['wikigold.en.bio', 'en'], btc: ['btc.en.bio', 'en'], wnut17: ['wnut17.en.bio', 'en'] };
const USED = option('--sets', 'winer,gum,wikigold').split(',');
// Evaluation sets scored by `npm run eval:nlp`: a training document sharing one of their
// sentences is held out, so their scores are on unseen text.
const EVAL_SETS = ['corpus/ner/wikigold_en_subset.bio', 'corpus/ner/europeana_fr_bnf_subset.bio'];

const lib = await import(pathToFileURL(resolve(root, 'dist/libs/nlp/src/entities/training.js')).href);
const log = (...xs) => console.error(`[train:ner ${(performance.now() / 1000).toFixed(1)}s]`, ...xs);
const normalise = (s) => s.replace(/\s+/g, ' ').trim();

function evaluationSentences() {
  const sentences = new Set();
  for (const file of EVAL_SETS) {
    const path = resolve(shared, file);
    if (!existsSync(path)) continue;
    for (const doc of lib.parseBio(readFileSync(path, 'utf8'), file)) {
      for (const s of doc.sentences) if (s.tokens.length >= 6) sentences.add(normalise(doc.text.slice(s.start, s.end)));
    }
  }
  return sentences;
}

function readSets(held) {
  const docs = [];
  let excluded = 0;
  for (const name of USED) {
    const [file, language] = SETS[name];
    for (const doc of lib.parseBio(readFileSync(resolve(shared, 'train', file), 'utf8'), name)) {
      if (doc.sentences.some((s) => held.has(normalise(doc.text.slice(s.start, s.end))))) excluded++;
      else docs.push({ doc, language });
    }
  }
  return { docs, excluded };
}

/** Documents into train and calibration folds by a seeded draw, in file order. */
function split(docs) {
  const random = lib.seededRandom(SEED);
  const train = [];
  const holdout = [];
  for (const d of docs) (random() < HOLDOUT_SHARE ? holdout : train).push(d);
  return { train, holdout };
}

const sha256 = (buffer) => createHash('sha256').update(buffer).digest('hex');

async function main() {
  const lexicon = lib.loadLexicon();
  const { docs, excluded } = readSets(evaluationSentences());
  const { train, holdout } = split(docs);
  log(`${docs.length} documents (${excluded} held out as evaluation text), ${train.length} train, ${holdout.length} calibration`);
  const toSeqs = (list) => list.flatMap(({ doc, language }) => lib.toSequences(lexicon, doc, language));
  const trainSeqs = lib.pruneRare(toSeqs(train), MIN_FEATURE_COUNT);
  const tokens = trainSeqs.reduce((n, s) => n + s.labels.length, 0);
  log(`${trainSeqs.length} sentences, ${tokens} tokens; training ${EPOCHS} epochs`);
  const buckets = 1 << lib.FEATURE_BITS;
  const trained = lib.trainPerceptron(trainSeqs, { buckets, epochs: EPOCHS, seed: SEED }, (epoch, errors) => log(`epoch ${epoch + 1}: ${errors} sentences wrong`));
  const { values, scale } = lib.quantise(trained.weights);
  const transitions = Array.from(trained.transitions, (t) => Math.round(t * 1000) / 1000);
  const model = { weights: values, scale, transitions };
  const samples = lib.calibrationSamples(model, toSeqs(holdout));
  const calibration = lib.fitCalibration(samples);
  const right = samples.filter((s) => s.correct).length;
  log(`calibration on ${samples.length} held-out spans (${right} exact): a ${calibration.a}, b ${calibration.b}`);
  const header = {
    version: sha256(Buffer.concat([Buffer.from(values.buffer), Buffer.from(JSON.stringify(transitions))])).slice(0, 12),
    labels: [...lib.LABELS], featureBits: lib.FEATURE_BITS, scale, transitions, calibration,
    training: { sets: USED, documents: train.length, sentences: trainSeqs.length, tokens, epochs: EPOCHS, seed: SEED, minFeatureCount: MIN_FEATURE_COUNT, calibrationDocuments: holdout.length, heldOutAsEvaluation: excluded },
  };
  const file = lib.writeModel(header, values);
  writeFileSync(OUT, file);
  log(`wrote ${OUT}: ${(file.length / 1e6).toFixed(2)} MB, version ${header.version}, sha256 ${sha256(file)}`);
}

await main();
