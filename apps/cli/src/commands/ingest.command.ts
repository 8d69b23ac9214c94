import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { callApi, problemText } from '../support/api-client.js';
import { documentFiles, mediaTypeOf } from '../support/document-files.js';
import { processIo, progressLine, table, type CommandIo } from '../support/io.js';

export const summary = 'send wire documents (files or folders) to the ingest API';

const USAGE = 'usage: depeche ingest <files or folders…> [--url http://127.0.0.1:3000] [--source name]\n';
const OUTCOMES = ['new', 'updated', 'duplicate', 'killed', 'stale', 'rejected'] as const;
type Outcome = (typeof OUTCOMES)[number];

interface ItemLine {
  outcome: Outcome;
  reason?: string;
  headline?: string;
}

/** Posts each document to POST /v1/wire; exit code 1 when anything was rejected. */
export async function run(argv: string[], io: CommandIo = processIo()): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { url: { type: 'string', default: process.env.INGEST_URL ?? 'http://127.0.0.1:3000' }, source: { type: 'string' } },
  });
  if (!positionals.length) return (io.err(USAGE), 2);
  const files = await documentFiles(positionals);
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  const rejected: string[][] = [];
  for (const [done, file] of files.entries()) {
    if (io.interactive) io.err(progressLine(done, files.length, file));
    for (const [index, item] of (await send(file, values.url!, values.source)).entries()) {
      counts[item.outcome]++;
      if (item.outcome === 'rejected') rejected.push([file, String(index), item.reason ?? '']);
    }
  }
  if (io.interactive) io.err(progressLine(files.length, files.length, 'done') + '\n');
  io.out(
    table([
      ['documents', ...OUTCOMES],
      [String(files.length), ...OUTCOMES.map((o) => String(counts[o]))],
    ]),
  );
  if (rejected.length) io.out('\nrejected:\n' + table([['file', 'item', 'reason'], ...rejected]));
  return counts.rejected ? 1 : 0;
}

async function send(file: string, baseUrl: string, source?: string): Promise<ItemLine[]> {
  const path = source ? `/v1/wire?source=${encodeURIComponent(source)}` : '/v1/wire';
  try {
    const answer = await callApi(baseUrl, path, { method: 'POST', headers: { 'content-type': mediaTypeOf(file) }, body: await readFile(file) });
    if (answer.status === 202 && answer.body?.items) return answer.body.items as ItemLine[];
    const fields = (answer.body?.errors as Array<{ field: string; reason: string }> | undefined)?.map((e) => `${e.field} ${e.reason}`).join('; ');
    return [{ outcome: 'rejected', reason: fields ? `HTTP ${answer.status}: ${fields}` : problemText(answer) }];
  } catch (error) {
    return [{ outcome: 'rejected', reason: error instanceof Error ? error.message : String(error) }];
  }
}
