import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api';
import type { operations as delivery } from '../generated/subscribers-api';
import { useI18n } from '../i18n';
import { usePolling } from '../poll';
import { filterSummary } from '../subscriber-filter';
import { ColumnHeads } from './ColumnHeads';
import { DeliveryLog } from './DeliveryLog';
import { ProblemNotice } from './ProblemNotice';
import { SubscriberForm, type CreatedSubscriber } from './SubscriberForm';

/** A subscriber with its health, as GET /v1/subscribers lists it (generated from the subscribers API's OpenAPI document). */
type Subscriber = delivery['SubscribersController_list']['responses'][200]['content']['application/json']['items'][number];

const COLUMNS = ['subs.name', 'subs.url', 'subs.format', 'subs.filter', 'subs.status', 'subs.backlog', 'subs.lastSuccess', 'subs.lastError'] as const;

/**
 * Webhook subscribers (the delivery service): their health, pause and resume, removal after a
 * confirmation, registration (the signing secret is shown once, here), and each one's delivery log.
 */
export function Subscribers({ api }: { api: ApiClient }) {
  const { t, locale } = useI18n();
  const [subscribers, setSubscribers] = useState<Subscriber[] | null>(null);
  const [problem, setProblem] = useState<Error | null>(null);
  const [created, setCreated] = useState<CreatedSubscriber | null>(null);
  const [open, setOpen] = useState<{ id: string; name: string } | null>(null);
  const [deleting, setDeleting] = useState<Subscriber | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (deleting) confirmRef.current?.focus();
  }, [deleting]);
  const load = async () => setSubscribers((await api.subscribers<{ items: Subscriber[] }>('GET', '/v1/subscribers')).items);
  usePolling(async () => {
    await load().then(() => setProblem(null), setProblem);
  }, 5000);
  const act = async (call: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await call();
      await load();
    } catch (error) {
      setProblem(error as Error);
    }
  };
  const setStatus = (subscriber: Subscriber, status: 'active' | 'paused') =>
    act(() => api.subscribers('PATCH', `/v1/subscribers/${subscriber.id}`, { status }));
  const remove = (subscriber: Subscriber) =>
    act(async () => {
      setDeleting(null);
      await api.subscribers('DELETE', `/v1/subscribers/${subscriber.id}`);
      if (open?.id === subscriber.id) setOpen(null);
    });
  const when = (iso?: string) => (iso ? new Date(iso).toLocaleString(locale) : '');
  return (
    <section aria-labelledby="subscribers-title">
      <h2 id="subscribers-title">{t('subs.title')}</h2>
      <p class="hint">{t('subs.intro')}</p>
      {problem && <ProblemNotice title={t('common.error')} problem={problem} />}
      {created && (
        <div role="status" class="notice" data-testid="subscriber-secret">
          <p>
            {t('subs.secret')} <strong>{created.name}</strong>:
          </p>
          <p>
            <code>{created.secret}</code>
          </p>
          <p>{t('subs.secret.once')}</p>
          <button type="button" onClick={() => setCreated(null)}>
            {t('subs.secret.done')}
          </button>
        </div>
      )}
      <SubscriberForm
        api={api}
        onCreated={(subscriber) => {
          setCreated(subscriber);
          void load().catch(setProblem);
        }}
      />
      {subscribers?.length === 0 && <p>{t('subs.none')}</p>}
      {!!subscribers?.length && (
        <table data-testid="subscribers">
          <caption>{t('subs.title')}</caption>
          <ColumnHeads columns={COLUMNS} actions="subs.actions" actionsShown />
          <tbody>
            {subscribers.map((subscriber) => (
              <tr key={subscriber.id}>
                <th scope="row">{subscriber.name}</th>
                <td class="mono">{subscriber.url}</td>
                <td>{subscriber.format}</td>
                <td>{filterSummary(subscriber.filter, t('subs.everything'))}</td>
                <td class={`subscriber-${subscriber.status}`}>
                  {t(`subs.${subscriber.status}`)}
                  {subscriber.pausedReason ? `: ${subscriber.pausedReason}` : ''}
                </td>
                <td>{subscriber.backlog}</td>
                <td>{when(subscriber.lastSuccessAt)}</td>
                <td class="error-text">{subscriber.lastError ? `${subscriber.lastError} (${when(subscriber.lastErrorAt)})` : ''}</td>
                <td class="actions">
                  <button
                    type="button"
                    aria-label={`${t('subs.log')}: ${subscriber.name}`}
                    onClick={() => setOpen({ id: subscriber.id, name: subscriber.name })}
                  >
                    {t('subs.log')}
                  </button>
                  {subscriber.status === 'active' ? (
                    <button type="button" aria-label={`${t('subs.pause')} ${subscriber.name}`} onClick={() => void setStatus(subscriber, 'paused')}>
                      {t('subs.pause')}
                    </button>
                  ) : (
                    <button type="button" aria-label={`${t('subs.resume')} ${subscriber.name}`} onClick={() => void setStatus(subscriber, 'active')}>
                      {t('subs.resume')}
                    </button>
                  )}
                  <button type="button" class="danger" aria-label={`${t('subs.delete')} ${subscriber.name}`} onClick={() => setDeleting(subscriber)}>
                    {t('subs.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {deleting && (
        <div role="alertdialog" aria-modal="false" aria-labelledby="subscriber-delete-text" class="confirm">
          <p id="subscriber-delete-text">
            {t('subs.deleteConfirm')} <strong>{deleting.name}</strong>
          </p>
          <button type="button" class="danger" ref={confirmRef} onClick={() => void remove(deleting)}>
            {t('subs.deleteYes')}
          </button>
          <button type="button" onClick={() => setDeleting(null)}>
            {t('change.cancel')}
          </button>
        </div>
      )}
      {open && <DeliveryLog key={open.id} api={api} subscriber={open} />}
    </section>
  );
}
