import { connect } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { Events, subjectsFor, type CanonicalArticle } from '#contracts';
import { createEvent, EventPublisher } from '#messaging';
import { parseSince } from '../time-option.js';

export const summary = 'run stored articles through enrichment again, after a tagger upgrade (--since 7d, --ids a,b, or --all)';

export interface ReenrichIo {
  env: NodeJS.ProcessEnv;
  write(text: string): void;
}

const USAGE = `usage: depeche reenrich (--since 7d|<ISO time> | --ids <id>,<id>… | --all)
  Publishes each stored article (published or under embargo) as an ingested event with action "reenrich".
  Enrichment tags it again; publishing keeps a new revision, and tells consumers, only when its tags changed.
  --since  articles stored or changed since then;  --ids  these articles;  --all  every article
Reads DATABASE_URL, NATS_URL and NATS_NAMESPACE.
`;
const BATCH = 200;

interface Selection {
  since?: Date;
  ids?: string[];
}

export async function run(argv: string[], io: ReenrichIo = { env: process.env, write: (text) => process.stdout.write(text) }): Promise<number> {
  const selection = parseOptions(argv);
  if (typeof selection === 'string') {
    io.write(selection);
    return 2;
  }
  const db = new pg.Client({ connectionString: io.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/depeche' });
  await db.connect();
  const nc = await connect({ servers: (io.env.NATS_URL ?? 'nats://127.0.0.1:4222').split(','), name: 'depeche-reenrich' });
  try {
    const sent = await republish(db, new EventPublisher(nc, subjectsFor(io.env.NATS_NAMESPACE ?? 'news').namespace), selection);
    io.write(`${sent} article(s) sent for re-enrichment\n`);
    return 0;
  } finally {
    await nc.drain();
    await db.end();
  }
}

function parseOptions(argv: string[]): Selection | string {
  const { values } = parseArgs({ args: argv, options: { since: { type: 'string' }, ids: { type: 'string' }, all: { type: 'boolean' } }, strict: true });
  // No selection at all is more likely a slip than a wish to re-tag the whole archive.
  if (values.since === undefined && values.ids === undefined && !values.all) return USAGE;
  const since = values.since === undefined ? undefined : parseSince(values.since);
  if (values.since !== undefined && !since) return `--since: expected a duration (15m, 1h, 7d) or an ISO time, got "${values.since}"\n${USAGE}`;
  const ids = values.ids
    ?.split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  if (ids?.some((id) => !/^[0-9a-f-]{36}$/i.test(id))) return `--ids: expected article ids (UUIDs) separated by commas\n${USAGE}`;
  return { ...(since ? { since } : {}), ...(ids ? { ids } : {}) };
}

/** Walks the store in id order (keyset, so a large archive is never loaded at once) and publishes each article. */
async function republish(db: pg.Client, publisher: EventPublisher, selection: Selection): Promise<number> {
  const correlationId = `reenrich-${randomUUID()}`;
  let after = '00000000-0000-0000-0000-000000000000';
  let sent = 0;
  for (;;) {
    const { rows } = await db.query<{ id: string; document: CanonicalArticle }>(
      `SELECT id, document FROM articles
       WHERE status IN ('published', 'embargoed') AND id > $1
         AND ($2::timestamptz IS NULL OR updated_at >= $2) AND ($3::uuid[] IS NULL OR id = ANY($3))
       ORDER BY id LIMIT ${BATCH}`,
      [after, selection.since?.toISOString() ?? null, selection.ids ?? null],
    );
    await Promise.all(rows.map((row) => publisher.publish(reenrichEvent(row.document, correlationId))));
    sent += rows.length;
    if (rows.length < BATCH) return sent;
    after = rows.at(-1)!.id;
  }
}

function reenrichEvent(article: CanonicalArticle, correlationId: string) {
  return createEvent(Events.articleIngested.type, { action: 'reenrich', article, receivedAt: new Date().toISOString() }, { correlationId, producer: 'cli' });
}
