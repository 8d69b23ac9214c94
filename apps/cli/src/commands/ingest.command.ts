import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { documentFiles, mediaTypeOf } from '../support/document-files.js';
import { processIo, progressLine, table, type CommandIo } from '../support/io.js';

export const summary = 'send wire documents (files or folders) to the ingest API';

const USAGE = 'usage: depeche ingest <files or folders…> [--url http://127.0.0.1:3000] [--source name]\n';
const OUTCOMES = ['new', 'updated', 'duplicate', 'killed', 'rejected'] as const;
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
  if (!positionals.length) return io.err(USAGE), 2;
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
  io.out(table([['documents', ...OUTCOMES], [String(files.length), ...OUTCOMES.map((o) => String(counts[o]))]]));
  if (rejected.length) io.out('\nrejected:\n' + table([['file', 'item', 'reason'], ...rejected]));
  return counts.rejected ? 1 : 0;
}

async function send(file: string, baseUrl: string, source?: string): Promise<ItemLine[]> {
  const url = new URL('/v1/wire', baseUrl);
  if (source) url.searchParams.set('source', source);
  const headers: Record<string, string> = { 'content-type': mediaTypeOf(file) };
  if (process.env.DEPECHE_API_KEY) headers.authorization = `Bearer ${process.env.DEPECHE_API_KEY}`;
  try {
    const response = await fetch(url, { method: 'POST', headers, body: await readFile(file) });
    const body = (await response.json()) as { items?: ItemLine[]; detail?: string; title?: string; errors?: Array<{ field: string; reason: string }> };
    if (response.ok && body.items) return body.items;
    const why = body.errors?.map((e) => `${e.field} ${e.reason}`).join('; ') || body.detail || body.title || 'refused';
    return [{ outcome: 'rejected', reason: `HTTP ${response.status}: ${why}` }];
  } catch (error) {
    return [{ outcome: 'rejected', reason: error instanceof Error ? error.message : String(error) }];
  }
}
