// Trains the entity tagger's weights from the openly licensed sets in $DEPECHE_EVAL_DATA/train and the
// gold dev set, with the BUILT feature code so training and tagging see the same tokens and features.
// Shared by `npm run train:ner` (the shipped model: every set, all of dev) and `npm run eval:nlp`
// (k-fold: each fold's model never sees the dev documents it is scored on).
// Deterministic: a fixed seed and a fixed order; the same inputs give the same bytes.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const lib = await import(pathToFileURL(resolve(root, 'dist/libs/nlp/src/entities/training.js')).href);

export const SEED = 14;
export const DEFAULT_EPOCHS = 6;
export const DEFAULT_SETS = ['winer', 'gum', 'wikigold'];
/** Each dev document counts this many times: few, but news of the kind the tagger reads. */
export const DEFAULT_DEV_WEIGHT = 3;
export const DEFAULT_FOLDS = 5;
const MIN_FEATURE_COUNT = 2;
/** Share of list matches hidden from each training sentence, so names unknown to the lists are learned too. */
export const DEFAULT_GAZETTEER_DROPOUT = 0.1;
const HOLDOUT_SHARE = 0.1;
const SETS = {
  winer: ['winer.fr.bio', 'fr'],
  gum: ['gum.en.bio', 'en'],
  wikigold: ['wikigold.en.bio', 'en'],
  btc: ['btc.en.bio', 'en'],
  wnut17: ['wnut17.en.bio', 'en'],
};
// Evaluation sets scored by `npm run eval:nlp`: a training document sharing one of their
// sentences is held out, so their scores are on unseen text.
const EVAL_SETS = ['corpus/ner/wikigold_en_subset.bio', 'corpus/ner/europeana_fr_bnf_subset.bio'];

const normalise = (s) => s.replace(/\s+/g, ' ').trim();
const sha256 = (buffer) => createHash('sha256').update(buffer).digest('hex');

/** The gold records that carry entities (fully annotated French and English), in id order. */
export function readDev(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .filter((d) => d.annotation_scope === 'full' && (d.language === 'fr' || d.language === 'en'))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Fold of the i-th dev record (id order): round robin, so languages and sources spread over folds. */
export const foldOf = (index, folds) => index % folds;

function evaluationSentences(data) {
  const sentences = new Set();
  for (const file of EVAL_SETS) {
    const path = resolve(data, file);
    if (!existsSync(path)) continue;
    for (const doc of lib.parseBio(readFileSync(path, 'utf8'), file)) {
      for (const s of doc.sentences) if (s.tokens.length >= 6) sentences.add(normalise(doc.text.slice(s.start, s.end)));
    }
  }
  return sentences;
}

function readSets(data, sets, held) {
  const docs = [];
  let excluded = 0;
  for (const name of sets) {
    const [file, language] = SETS[name];
    for (const doc of lib.parseBio(readFileSync(resolve(data, 'train', file), 'utf8'), name)) {
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

/** Trains one stage; returns its averaged float weights and rounded transitions (a SequenceModel). */
function trainStage(sequences, epochs, log, name) {
  const pruned = lib.pruneRare(sequences, MIN_FEATURE_COUNT);
  const trained = lib.trainPerceptron(pruned, { buckets: 1 << lib.FEATURE_BITS, epochs, seed: SEED }, (epoch, errors) =>
    log(`${name} epoch ${epoch + 1}: ${errors} sentences wrong`),
  );
  return { weights: trained.weights, scale: 1, transitions: Array.from(trained.transitions, (t) => Math.round(t * 1000) / 1000), sentences: pruned.length };
}

function quantised(stage) {
  const { values, scale } = lib.quantise(stage.weights);
  return { weights: values, scale, transitions: stage.transitions };
}

/**
 * Trains one model: a first stage on local features, then a second stage that also reads what the
 * first stage says of the same words elsewhere in the document. The second stage learns from
 * first-stage labels it could meet at run time, so they come from a jackknife: the training
 * documents in two halves, each half labelled by a first stage trained on the other. `dev`: the gold records to learn from
 * (already without any fold left out), each counted `devWeight` times.
 * Returns the model file's bytes and its header.
 */
export function trainNerModel({
  data,
  sets = DEFAULT_SETS,
  dev = [],
  devWeight = DEFAULT_DEV_WEIGHT,
  epochs = DEFAULT_EPOCHS,
  gazetteerDropout = DEFAULT_GAZETTEER_DROPOUT,
  log = () => {},
}) {
  const lexicon = lib.loadLexicon();
  const { docs, excluded } = readSets(data, sets, evaluationSentences(data));
  const { train, holdout } = split(docs);
  const devDocs = dev.map((record) => ({ doc: lib.goldDocument(record), language: record.language }));
  log(
    `${docs.length} documents (${excluded} held out as evaluation text), ${train.length} train, ${holdout.length} calibration; ${devDocs.length} gold dev × ${devWeight}`,
  );
  const random = lib.seededRandom(SEED + 1);
  const keep = () => random() >= gazetteerDropout;
  // Each copy of a dev document hides other list matches; copies share a half of the jackknife.
  const items = [
    ...train.map((d, i) => ({ ...d, half: i % 2 })),
    ...Array.from({ length: devWeight }, () => devDocs.map((d, i) => ({ ...d, half: i % 2 }))).flat(),
  ].map(({ doc, language, half }) => ({ analysed: lib.analyseDocument(lexicon, doc, language, keep), half }));
  const local = (list) => list.flatMap(({ analysed }) => lib.sentenceSequences(analysed));
  const tokens = items.reduce((n, { analysed }) => n + analysed.tokens.length, 0);
  log(`${items.length} documents, ${tokens} tokens; ${epochs} epochs per stage`);

  const first = trainStage(local(items), epochs, log, 'stage 1');
  const secondInput = [];
  for (const half of [0, 1]) {
    const other = trainStage(local(items.filter((it) => it.half !== half)), epochs, () => {}, `jackknife ${half}`);
    for (const it of items.filter((x) => x.half === half)) secondInput.push(...lib.secondStageSequences(other, it.analysed));
    log(`jackknife half ${half} labelled`);
  }
  const second = trainStage(secondInput, epochs, log, 'stage 2');

  const stages = [quantised(first), quantised(second)];
  const calibrationDocs = holdout.map(({ doc, language }) => lib.analyseDocument(lexicon, doc, language));
  const samples = lib.calibrationSamples(
    stages[1],
    calibrationDocs.flatMap((a) => lib.secondStageSequences(stages[0], a)),
  );
  const calibration = lib.fitCalibration(samples);
  log(`calibration on ${samples.length} held-out spans (${samples.filter((s) => s.correct).length} exact): a ${calibration.a}, b ${calibration.b}`);
  const weights = stages.map((s) => s.weights);
  const header = {
    version: sha256(Buffer.concat([...weights.map((w) => Buffer.from(w.buffer)), Buffer.from(JSON.stringify(stages.map((s) => s.transitions)))])).slice(0, 12),
    labels: [...lib.LABELS],
    featureBits: lib.FEATURE_BITS,
    stages: stages.map((s) => ({ scale: s.scale, transitions: s.transitions })),
    calibration,
    training: {
      sets,
      documents: train.length,
      devDocuments: devDocs.length,
      devWeight,
      sentences: first.sentences,
      tokens,
      epochs,
      seed: SEED,
      minFeatureCount: MIN_FEATURE_COUNT,
      gazetteerDropout,
      jackknifeHalves: 2,
      calibrationDocuments: holdout.length,
      heldOutAsEvaluation: excluded,
    },
  };
  const file = lib.writeModel(header, weights);
  return { file, header, sha256: sha256(file) };
}
