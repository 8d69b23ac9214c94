import { useEffect, useState } from 'preact/hooks';
import type { TargetedEvent } from 'preact';
import type { ApiClient } from '../api';
import type { operations as ingest } from '../generated/ingest-api';
import { ProblemNotice } from '../components/ProblemNotice';
import { useI18n, type MessageKey } from '../i18n';
import { usePolling } from '../poll';
import { emptyWireFilters, mergeLines, wireLogQuery, withStatus, type WireFilters, type WireLine, type WireStatus } from '../wire-log';

/** A registered feed as GET /v1/feeds lists it (generated from the ingest API's OpenAPI document). */
type Feed = ingest['FeedRegistrationsController_list']['responses'][200]['content']['application/json']['items'][number];

const OUTCOMES = ['new', 'updated', 'duplicate', 'stale', 'killed', 'tombstone', 'rejected'];
const FEED_COUNTS = ['new', 'updated', 'duplicate', 'killed', 'rejected'] as const;
const PAGE = '100';

/**
 * The intake log, live: the newest page first, then every new line and status change as the
 * stream sends them, for the filters set (the stream starts where the page ends, so nothing falls
 * between the two). Each line opens its story.
 */
function useWireLog(api: ApiClient, filters: WireFilters) {
  const [lines, setLines] = useState<WireLine[]>([]);
  const [older, setOlder] = useState<string | undefined>();
  const [problem, setProblem] = useState<Error | null>(null);
  const [live, setLive] = useState(false);
  useEffect(() => {
    const stop = new AbortController();
    setLines([]);
    setProblem(null);
    void (async () => {
      const page = await api.ingest<{ items: WireLine[]; next?: string }>('GET', `/v1/wire/items${wireLogQuery(filters, { limit: PAGE })}`);
      if (stop.signal.aborted) return;
      setLines(page.items);
      setOlder(page.next);
      setLive(true);
      await api.follow(
        `/v1/wire/items/stream${wireLogQuery(filters)}`,
        (event) => {
          if (event.event === 'item') setLines((current) => mergeLines(current, [JSON.parse(event.data) as WireLine]));
          if (event.event === 'status') setLines((current) => withStatus(current, JSON.parse(event.data) as WireStatus & { articleId: string }));
        },
        stop.signal,
        page.items[0]?.id ?? '0',
      );
    })()
      .catch((error: unknown) => {
        if (!stop.signal.aborted) setProblem(error as Error);
      })
      .finally(() => setLive(false));
    return () => stop.abort();
  }, [api, filters.outcome, filters.language, filters.source]);
  const loadOlder = async () => {
    if (!older) return;
    const page = await api.ingest<{ items: WireLine[]; next?: string }>('GET', `/v1/wire/items${wireLogQuery(filters, { limit: PAGE, before: older })}`);
    setLines((current) => mergeLines(current, page.items, current.length + page.items.length));
    setOlder(page.next);
  };
  return { lines, older, loadOlder, problem, live };
}

function Filters({ values, onChange }: { values: WireFilters; onChange: (values: WireFilters) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(values);
  const submit = (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    onChange(draft);
  };
  return (
    <form class="search-form" onSubmit={submit} aria-label={t('wire.filters')}>
      <div class="field">
        <label for="wire-outcome">{t('wire.outcome')}</label>
        <select id="wire-outcome" value={draft.outcome} onChange={(e) => setDraft({ ...draft, outcome: e.currentTarget.value })}>
          <option value="">{t('wire.any')}</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`outcome.${o}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="wire-language">{t('field.language')}</label>
        <input id="wire-language" value={draft.language} placeholder="fr" onInput={(e) => setDraft({ ...draft, language: e.currentTarget.value })} />
      </div>
      <div class="field">
        <label for="wire-source">{t('wire.source')}</label>
        <input id="wire-source" value={draft.source} onInput={(e) => setDraft({ ...draft, source: e.currentTarget.value })} />
      </div>
      <button type="submit">{t('wire.filter')}</button>
    </form>
  );
}

/** The wire desk: the incoming flow from every feed and push, live; a document sent from here; the polled feeds. */
export function WireView({ api, onOpen }: { api: ApiClient; onOpen: (id: string) => void }) {
  const { t, locale } = useI18n();
  const [filters, setFilters] = useState(emptyWireFilters());
  const log = useWireLog(api, filters);
  const [feeds, setFeeds] = useState<Feed[] | null>(null);
  const [problem, setProblem] = useState<Error | null>(null);
  usePolling(async () => setFeeds((await api.ingest<{ items: Feed[] }>('GET', '/v1/feeds')).items), 10_000);

  const send = async (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = (event.currentTarget.elements.namedItem('wire-file') as HTMLInputElement).files?.[0];
    if (!file) return;
    setProblem(null);
    try {
      // The receipt's items reach the log below through the live stream, like anyone else's.
      await api.sendDocument('/v1/wire', file, file.type || 'application/octet-stream');
    } catch (error) {
      setProblem(error as Error);
    }
  };
  const time = (iso: string) => new Date(iso).toLocaleTimeString(locale);
  return (
    <section aria-labelledby="wire-title">
      <h2 id="wire-title">{t('wire.title')}</h2>
      <Filters values={filters} onChange={setFilters} />
      {log.problem && <ProblemNotice title={t('common.error')} problem={log.problem} />}
      <table data-testid="wire-items" aria-busy={!log.live}>
        <caption>
          {t('wire.received')} <span class="muted">{log.live ? t('wire.live') : t('wire.connecting')}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('wire.time')}</th>
            <th scope="col">{t('wire.item')}</th>
            <th scope="col">{t('wire.source')}</th>
            <th scope="col">{t('wire.format')}</th>
            <th scope="col">{t('wire.outcome')}</th>
            <th scope="col">{t('wire.status')}</th>
            <th scope="col">{t('wire.why')}</th>
          </tr>
        </thead>
        <tbody>
          {log.lines.map((line) => (
            <tr key={line.id}>
              <td>{time(line.receivedAt)}</td>
              <th scope="row">
                {line.articleId ? (
                  <button type="button" class="link" onClick={() => onOpen(line.articleId!)}>
                    {line.headline ?? line.articleId}
                  </button>
                ) : (
                  (line.headline ?? '–')
                )}
                {line.language && <span class="muted"> ({line.language})</span>}
              </th>
              <td>
                {line.source}
                {line.channel === 'feed' ? ` · ${t('wire.feed')}` : ''}
              </td>
              <td>{line.format ?? '–'}</td>
              <td class={`outcome-${line.outcome}`}>{t(`outcome.${line.outcome}` as MessageKey) ?? line.outcome}</td>
              <td class={line.status ? `status-${line.status.status}` : undefined}>{line.status?.status ?? ''}</td>
              <td>{line.reason ?? line.status?.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {log.lines.length === 0 && <p>{t('wire.empty')}</p>}
      {log.older && (
        <button type="button" onClick={() => void log.loadOlder()}>
          {t('wire.older')}
        </button>
      )}

      <h3>{t('wire.sendTitle')}</h3>
      <form onSubmit={(event) => void send(event)}>
        <div class="field">
          <label for="wire-file">{t('wire.file')}</label>
          <input type="file" id="wire-file" name="wire-file" />
        </div>
        <button type="submit">{t('wire.send')}</button>
      </form>
      {problem && <ProblemNotice title={t('common.error')} problem={problem} />}
      <h3>{t('wire.feeds')}</h3>
      {feeds?.length === 0 && <p>{t('wire.noFeeds')}</p>}
      {!!feeds?.length && (
        <table>
          <caption>{t('wire.feeds')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('wire.feed')}</th>
              <th scope="col">{t('wire.lastPoll')}</th>
              <th scope="col">{t('wire.lastError')}</th>
              <th scope="col">{t('wire.counts')}</th>
            </tr>
          </thead>
          <tbody>
            {feeds.map((feed) => (
              <tr key={feed.id}>
                <th scope="row">{feed.url}</th>
                <td>{feed.lastPolledAt ? new Date(feed.lastPolledAt).toLocaleString(locale) : '–'}</td>
                <td>{feed.lastError ?? ''}</td>
                <td>{FEED_COUNTS.map((o) => feed.counts[o] ?? 0).join(' / ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
