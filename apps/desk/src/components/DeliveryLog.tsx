import { useState } from 'preact/hooks';
import type { ApiClient } from '../api';
import type { operations as delivery } from '../generated/subscribers-api';
import { useI18n } from '../i18n';
import { usePolling } from '../poll';
import { ColumnHeads } from './ColumnHeads';
import { ProblemNotice } from './ProblemNotice';

/** One line of GET /v1/subscribers/{id}/deliveries (generated from the subscribers API's OpenAPI document). */
type Delivery = delivery['SubscribersController_log']['responses'][200]['content']['application/json']['items'][number];

/** The receiver's last answer: what went wrong (its status, a timeout, a refused address), else its status and how long it took. */
const answerOf = ({ lastError, lastStatus, latencyMs }: Delivery): string =>
  lastError ?? (lastStatus === undefined ? '' : `HTTP ${lastStatus}${latencyMs === undefined ? '' : ` (${latencyMs} ms)`}`);

const COLUMNS = ['log.id', 'log.type', 'log.article', 'log.status', 'log.attempts', 'log.answer', 'log.when'] as const;

/** A subscriber's deliveries, newest first, live; a failed one can be owed again (redrive), under the same webhook-id. */
export function DeliveryLog({ api, subscriber }: { api: ApiClient; subscriber: { id: string; name: string } }) {
  const { t, locale } = useI18n();
  const [items, setItems] = useState<Delivery[] | null>(null);
  const [problem, setProblem] = useState<Error | null>(null);
  const [notice, setNotice] = useState('');
  const load = async () => setItems((await api.subscribers<{ items: Delivery[] }>('GET', `/v1/subscribers/${subscriber.id}/deliveries?limit=100`)).items);
  usePolling(() => load().catch(setProblem), 3000);
  const redrive = async (id: string) => {
    setProblem(null);
    try {
      await api.subscribers('POST', `/v1/subscribers/${subscriber.id}/deliveries/${id}/redrive`);
      setNotice(`${t('log.redriven')} ${id}`);
      await load();
    } catch (error) {
      setProblem(error as Error);
    }
  };
  const when = (iso?: string) => (iso ? new Date(iso).toLocaleString(locale) : '');
  return (
    <section aria-labelledby="delivery-log-title">
      <h3 id="delivery-log-title">
        {t('log.title')} {subscriber.name}
      </h3>
      {problem && <ProblemNotice title={t('common.error')} problem={problem} />}
      {notice && (
        <p role="status" class="notice">
          {notice}
        </p>
      )}
      {items?.length === 0 && <p>{t('log.none')}</p>}
      {!!items?.length && (
        <table data-testid="delivery-log">
          <caption>
            {t('log.title')} {subscriber.name}
          </caption>
          <ColumnHeads columns={COLUMNS} actions="log.redrive" />
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <th scope="row">{item.id}</th>
                <td>{item.type.replace(/^news\.article\./, '')}</td>
                <td>
                  <span class="mono">{item.articleId}</span> · {t('log.revision')} {item.revision}
                </td>
                <td class={`delivery-${item.status}`}>{t(`delivery.${item.status}`)}</td>
                <td>{item.attempts}</td>
                <td class={item.lastError ? 'error-text' : undefined}>{answerOf(item)}</td>
                <td>{when(item.deliveredAt ?? item.lastAttemptAt)}</td>
                <td>
                  {item.status === 'failed' && (
                    <button type="button" aria-label={`${t('log.redrive')} ${item.id}`} onClick={() => void redrive(item.id)}>
                      {t('log.redrive')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
