/**
 * `npm run bench:wire`: articles per second per core of parseWire, by format,
 * over the corpus files of each format (bytes to validated draft articles).
 * Writes bench/results/wire.json.
 */
import { parseWire } from '#wire';
import { wireFiles, type WireFile } from './corpus.js';
import { timeEach } from './cpu-timing.js';
import { loadAverage, writeResults } from './results-file.js';

const ROUNDS = 20;

function byFormat(files: WireFile[]): Map<string, WireFile[]> {
  const groups = new Map<string, WireFile[]>();
  for (const file of files) groups.set(file.format, [...(groups.get(file.format) ?? []), file]);
  return groups;
}

function measure(files: WireFile[]) {
  const receivedAt = new Date().toISOString();
  const articles = files.reduce((n, f) => n + f.articles.length, 0);
  const bytes = files.reduce((n, f) => n + f.bytes.length, 0);
  const perFile = timeEach(files, (f) => parseWire(f.bytes, undefined, { receivedAt }), ROUNDS);
  // Files hold several articles (feeds) or none (rejected items): rate by article, not by file.
  const articlesPerSecPerCore = Math.round((perFile.perSecPerCore * articles) / files.length);
  return {
    files: files.length,
    articles,
    kb: Math.round(bytes / 1024),
    filesPerSecPerCore: perFile.perSecPerCore,
    articlesPerSecPerCore,
    medianMsPerFile: perFile.medianMs,
    p95MsPerFile: perFile.p95Ms,
  };
}

function main(): void {
  const formats = Object.fromEntries([...byFormat(wireFiles())].sort(([a], [b]) => a.localeCompare(b)).map(([format, files]) => [format, measure(files)]));
  console.log(`parseWire over ../shared/corpus, ${ROUNDS} rounds after warm-up; load average ${loadAverage().join(' ')}`);
  console.table(formats);
  console.log(`wrote ${writeResults('wire.json', { rounds: ROUNDS, formats })}`);
}

main();
