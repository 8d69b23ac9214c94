// Where the evaluation and training data live: outside the repository (gold and agency copy are not ours to
// publish), in DEPECHE_EVAL_DATA, ../shared beside the repository by default.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const EVAL_DATA = resolve(process.env.DEPECHE_EVAL_DATA ?? resolve(root, '../shared'));

/** The path of `relative` in the evaluation data; one line and exit 2 when it is not there. */
export function evalDataPath(relative) {
  const path = resolve(EVAL_DATA, relative);
  if (!existsSync(path)) {
    console.error(`${path} not found: point DEPECHE_EVAL_DATA at the folder holding gold/, train/ and corpus/ (default ../shared beside the repository)`);
    process.exit(2);
  }
  return path;
}
