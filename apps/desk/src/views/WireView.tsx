import { useState } from 'preact/hooks';
import type { TargetedEvent } from 'preact';
import type { ApiClient } from '../api';
import { ProblemNotice } from '../components/ProblemNotice';
import { useI18n, type MessageKey } from '../i18n';
import { usePolling } from '../poll';

interface ItemReceipt {
  index: number;
  articleId?: string;
  headline?: string;
  outcome: string;
  reason?: string;
}
interface Receipt {
  format: string;
  items: ItemReceipt[];
}
interface Feed {
  id: string;
  url: string;
  lastPolledAt?: string;
  lastError?: string | null;
  counts: Record<string, number>;
}

const OUTCOMES = ['new', 'updated', 'duplicate', 'killed', 'rejected'];

/** Agency copy sent from here, each item with its intake outcome, and the polled feeds with theirs. */
export function WireView({ api, onOpen }: { api: ApiClient; onOpen: (id: string) => void }) {
  const { t, locale } = useI18n();
  const [received, setReceived] = useState<Array<ItemReceipt & { format: string; file: string }>>([]);
  const [feeds, setFeeds] = useState<Feed[] | null>(null);
  const [problem, setProblem] = useState<Error | null>(null);
  usePolling(async () => setFeeds((await api.ingest<{ items: Feed[] }>('GET', '/v1/feeds')).items), 10_000);

  const send = async (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = (event.currentTarget.elements.namedItem('wire-file') as HTMLInputElement).files?.[0];
    if (!file) return;
    setProblem(null);
    try {
      const receipt = await api.sendDocument<Receipt>('/v1/wire', file, file.type || 'application/octet-stream');
      setReceived((previous) => [...receipt.items.map((item) => ({ ...item, format: receipt.format, file: file.name })), ...previous].slice(0, 200));
    } catch (error) {
      setProblem(error as Error);
    }
  };
  return (
    <section aria-labelledby="wire-title">
      <h2 id="wire-title">{t('wire.title')}</h2>
      <form onSubmit={send}>
        <div class="field">
          <label for="wire-file">{t('wire.file')}</label>
          <input type="file" id="wire-file" name="wire-file" />
        </div>
        <button type="submit">{t('wire.send')}</button>
      </form>
      {problem && <ProblemNotice title={t('common.error')} problem={problem} />}
      <table data-testid="wire-items">
        <caption>{t('wire.received')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('wire.item')}</th>
            <th scope="col">{t('wire.format')}</th>
            <th scope="col">{t('wire.outcome')}</th>
            <th scope="col">{t('wire.why')}</th>
          </tr>
        </thead>
        <tbody>
          {received.map((item) => (
            <tr key={`${item.file}:${item.index}:${item.articleId ?? ''}`}>
              <th scope="row">
                {item.articleId ? <button type="button" class="link" onClick={() => onOpen(item.articleId!)}>{item.headline ?? item.articleId}</button> : item.headline ?? `${item.file} #${item.index + 1}`}
              </th>
              <td>{item.format}</td>
              <td class={`outcome-${item.outcome}`}>{t(`outcome.${item.outcome}` as MessageKey) ?? item.outcome}</td>
              <td>{item.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
                <td>{OUTCOMES.map((o) => feed.counts[o] ?? 0).join(' / ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
