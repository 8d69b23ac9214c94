/**
 * `npm run bench:nlp`: articles per second per core of the enricher, by
 * language, on the gold texts and the seed. Writes bench/results/nlp.json.
 */
import { nlpTimings } from './nlp-timing.js';
import { loadAverage, writeResults } from './results-file.js';

const ROUNDS = 20;

async function main(): Promise<void> {
  const timings = await nlpTimings(ROUNDS);
  console.log(`enricher (createEnricher), ${ROUNDS} rounds after warm-up; load average ${loadAverage().join(' ')}`);
  console.table({ ...timings.byLanguage, all: timings.all, '2-4 KB': timings.typical });
  console.log(`enrichMsPerArticle (median, 2-4 KB articles): ${timings.typical.medianMs} ms`);
  console.log(`wrote ${writeResults('nlp.json', { rounds: ROUNDS, ...timings, enrichMsPerArticle: timings.typical.medianMs })}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
