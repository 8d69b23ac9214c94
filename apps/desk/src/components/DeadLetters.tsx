import type { operations as ingest } from '../generated/ingest-api';
import { useState } from 'preact/hooks';
import type { ApiClient } from '../api';
import { useI18n } from '../i18n';
import { usePolling } from '../poll';
import { ColumnHeads } from './ColumnHeads';
import { ProblemNotice } from './ProblemNotice';

/** A dead letter as GET /v1/dead-letters lists it (generated from the ingest API's OpenAPI document). */
type DeadLetter = ingest['DeadLettersController_list']['responses'][200]['content']['application/json']['items'][number];

const COLUMNS = ['admin.id', 'admin.when', 'admin.service', 'admin.reason', 'admin.error', 'admin.deliveries', 'admin.subject'] as const;

/** Dead letters with their error, and redrive once the cause is fixed. */
export function DeadLetters({ api }: { api: ApiClient }) {
  const { t, locale } = useI18n();
  const [letters, setLetters] = useState<DeadLetter[] | null>(null);
  const [problem, setProblem] = useState<Error | null>(null);
  const [notice, setNotice] = useState('');
  const load = async () => setLetters((await api.ingest<{ items: DeadLetter[] }>('GET', '/v1/dead-letters?limit=200')).items);
  usePolling(() => load().catch(setProblem), 5000);
  const redrive = async (id: number) => {
    setProblem(null);
    try {
      const result = await api.ingest<{ redrivenTo: string }>('POST', `/v1/dead-letters/${id}/redrive`);
      setNotice(`${id}: ${t('admin.redriven')} ${result.redrivenTo}`);
      await load();
    } catch (error) {
      setProblem(error as Error);
    }
  };
  return (
    <section aria-labelledby="dead-letters-title">
      <h2 id="dead-letters-title">{t('admin.title')}</h2>
      {problem && <ProblemNotice title={t('common.error')} problem={problem} />}
      {notice && (
        <p role="status" class="notice">
          {notice}
        </p>
      )}
      {letters?.length === 0 && <p>{t('admin.none')}</p>}
      {!!letters?.length && (
        <table data-testid="dead-letters">
          <caption>{t('admin.title')}</caption>
          <ColumnHeads columns={COLUMNS} actions="admin.redrive" />
          <tbody>
            {letters.map(({ id, letter }) => (
              <tr key={id}>
                <th scope="row">{id}</th>
                <td>{new Date(letter.failedAt).toLocaleString(locale)}</td>
                <td>{letter.service}</td>
                <td>{letter.reason}</td>
                <td class="error-text">{letter.error}</td>
                <td>{letter.deliveryCount}</td>
                <td>{letter.subject}</td>
                <td>
                  <button type="button" aria-label={`${t('admin.redrive')} ${id}`} onClick={() => void redrive(id)}>
                    {t('admin.redrive')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
