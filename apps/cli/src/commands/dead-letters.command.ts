import { parseArgs } from 'node:util';
import { callApi, problemText } from '../support/api-client.js';
import { processIo, table, type CommandIo } from '../support/io.js';

export const summary = 'list dead letters, or redrive one by id once its cause is fixed';

const USAGE = 'usage: depeche dead-letters list [--after id] [--limit n] | redrive <id…>   [--url http://127.0.0.1:3000]\n';

interface DeadLetterRow {
  id: number;
  correlationId: string;
  letter: { service: string; subject: string; reason: string; error: string; deliveryCount: number; failedAt: string };
}

export async function run(argv: string[], io: CommandIo = processIo()): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { url: { type: 'string', default: process.env.INGEST_URL ?? 'http://127.0.0.1:3000' }, after: { type: 'string' }, limit: { type: 'string' } },
  });
  const [action, ...ids] = positionals;
  if (action === 'list') return list(values.url!, values.after ?? '0', values.limit ?? '50', io);
  if (action === 'redrive' && ids.length) return redrive(values.url!, ids, io);
  io.err(USAGE);
  return 2;
}

async function list(url: string, after: string, limit: string, io: CommandIo): Promise<number> {
  const answer = await callApi(url, `/v1/dead-letters?after=${encodeURIComponent(after)}&limit=${encodeURIComponent(limit)}`);
  if (answer.status !== 200) return (io.err(problemText(answer) + '\n'), 1);
  const rows = (answer.body.items as DeadLetterRow[]).map((d) => [
    String(d.id),
    d.letter.failedAt,
    d.letter.service,
    d.letter.reason,
    String(d.letter.deliveryCount),
    d.letter.subject,
    d.letter.error.slice(0, 80),
  ]);
  io.out(table([['id', 'failed at', 'service', 'reason', 'deliveries', 'subject', 'error'], ...rows]));
  if (answer.body.next) io.out(`more: depeche dead-letters list --after ${answer.body.next}\n`);
  return 0;
}

async function redrive(url: string, ids: string[], io: CommandIo): Promise<number> {
  let failures = 0;
  for (const id of ids) {
    const answer = await callApi(url, `/v1/dead-letters/${encodeURIComponent(id)}/redrive`, { method: 'POST' });
    if (answer.status === 202) {
      io.out(`${id} redriven to ${answer.body.redrivenTo}\n`);
    } else {
      failures++;
      io.err(`${id}: ${problemText(answer)}\n`);
    }
  }
  return failures ? 1 : 0;
}
