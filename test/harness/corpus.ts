import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Third-party agency and publisher copy (../shared/corpus on a developer machine) is never copied into the
 * repository: only the corpus suite (`npm run test:corpus`) reads it, from DEPECHE_CORPUS.
 * scripts/require-data.mjs refuses to start that suite, in one line, when the folder is missing.
 */
export const CORPUS = path.resolve(process.env.DEPECHE_CORPUS ?? path.resolve(import.meta.dirname, '../../../shared/corpus'));

/** The hand-annotated gold set and the other evaluation data sit beside the corpus. */
export const EVAL_DATA = path.resolve(process.env.DEPECHE_EVAL_DATA ?? path.join(CORPUS, '..'));

export const corpusPath = (file: string): string => path.join(CORPUS, file);
export const corpusBytes = (file: string): Buffer => readFileSync(corpusPath(file));
export const corpusText = (file: string): string => readFileSync(corpusPath(file), 'utf8');
