#!/usr/bin/env node
// Trains the shipped entity model (libs/nlp/data/ner-model.bin.gz) from shared/train and ALL of the gold
// dev set (see ner-training.mjs). Deterministic: two runs write the same bytes.
// Usage (from the repo root): npm run train:ner [-- --epochs 6 --out path --sets winer,gum,wikigold --dev-weight 3 --no-dev]
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evalDataPath } from './eval-data.mjs';
import { DEFAULT_DEV_WEIGHT, DEFAULT_EPOCHS, DEFAULT_SETS, readDev, trainNerModel } from './ner-training.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const out = option('--out', resolve(root, 'libs/nlp/data/ner-model.bin.gz'));
const log = (...xs) => console.error(`[train:ner ${(performance.now() / 1000).toFixed(1)}s]`, ...xs);

const data = dirname(evalDataPath('train'));
const dev = args.includes('--no-dev') ? [] : readDev(evalDataPath('gold/dev.jsonl'));
const { file, header, sha256 } = trainNerModel({
  data,
  dev,
  log,
  sets: option('--sets', DEFAULT_SETS.join(',')).split(','),
  epochs: Number(option('--epochs', String(DEFAULT_EPOCHS))),
  devWeight: Number(option('--dev-weight', String(DEFAULT_DEV_WEIGHT))),
});
writeFileSync(out, file);
log(`wrote ${out}: ${(file.length / 1e6).toFixed(2)} MB, version ${header.version}, sha256 ${sha256}`);
