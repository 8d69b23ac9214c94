import { Events, LIFECYCLE_ACTIONS, ROUTED_COPIES, type CatalogueEntry } from './catalogue.js';

const NAMESPACE = 'news';
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const subjectOf = (event: CatalogueEntry) => ('subjectPattern' in event ? event.subjectPattern.replace('<ns>', NAMESPACE) : event.subject(NAMESPACE));

function catalogueRows(): string[] {
  const rows = Object.values(Events).map((event) => {
    return row([`\`${event.type}\``, `${event.major}.${event.minor}`, `\`${subjectOf(event)}\``, event.dedupe, event.producers, event.summary, event.carries]);
  });
  const routed = ROUTED_COPIES[LIFECYCLE_ACTIONS[0]];
  const routedSubject = `\`${NAMESPACE}.published.<lang>.<section>.<action>\``;
  const copied = LIFECYCLE_ACTIONS.map((action) => `\`${ROUTED_COPIES[action].of.type}\``).join(', ');
  rows.push(
    row([
      copied,
      `${routed.of.major}.${routed.of.minor}`,
      routedSubject,
      routed.dedupe,
      'publishing (outbox)',
      'a copy of each lifecycle event, for wildcard filtering',
      'the same envelope',
    ]),
  );
  return rows;
}

/** docs/events.md, written from the catalogue by `npm run docs:events`; a unit test holds the committed file to it. */
export function renderEventsDoc(): string {
  return `<!-- Generated from libs/contracts/src/events/catalogue.ts by \`npm run docs:events\`: edit the catalogue, not this file. -->
# Events

Every event is defined once, in \`libs/contracts/src/events/catalogue.ts\`: its \`type\`, its version,
its subject (derived from the namespace, \`${NAMESPACE}\` here), its payload schema (and TypeScript type),
and the \`Nats-Msg-Id\` JetStream deduplicates it by. Producers publish an event of the catalogue
and the subject comes from its entry; consumers bind to entries and check the version.

| type | version | subject | Nats-Msg-Id | produced by | when | carries |
|---|---|---|---|---|---|---|
${catalogueRows().join('\n')}

\`<lang>\` is the ISO 639-1 code (\`und\` when unknown); \`<section>\` is the section slugged to ASCII
(\`Économie\` → \`economie\`, \`general\` when none); \`<action>\` is ${LIFECYCLE_ACTIONS.map((a) => `\`${a}\``).join(', ')}.

## The envelope

\`id\` (a UUID, and the \`Nats-Msg-Id\` of the event on its typed subject), \`type\`, \`version\` (the major
version), \`minorVersion\` (absent means 0), \`occurredAt\`, \`correlationId\`, \`causationId\` (the event that
caused this one), \`producer\` and \`data\`. An event derived from another (enriched from ingested, a
lifecycle event from enriched) has an id derived from its cause, so a redelivered cause yields the same
id and JetStream drops the copy.

## Versions

A consumer reads every minor version of the major version its catalogue entry declares: a newer minor
version adds optional fields, which it accepts and ignores. An event of another major version is
dead-lettered at once (reason \`invalid\`), its error naming the version it got and the one it reads.

## Correlation

\`correlationId\` follows one **request** through every service: a submission, an update, a correction
or a kill each has its own (the \`X-Correlation-Id\` the client sent, or a new one), carried from the
ingested event to the enriched one and to the lifecycle event it caused. One **article**'s journey across
requests is followed by its id, which every event carries (\`data.article.id\`, or \`data.articleId\` on a
kill) and which every log line written while handling an event shows as \`articleId\`.
`;
}
