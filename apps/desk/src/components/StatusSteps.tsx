import { useI18n, type MessageKey } from '../i18n';

export interface StatusStep {
  status: string;
  updatedAt: string;
  reason?: string;
}

const time = (iso: string, locale: string) => new Date(iso).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** Each status the story was seen in, with its time; the latest is announced to screen readers. */
export function StatusSteps({ steps, killed }: { steps: StatusStep[]; killed: boolean }) {
  const { t, locale } = useI18n();
  const last = steps.at(-1);
  const label = (status: string) => t(`status.${status}` as MessageKey) ?? status;
  return (
    <section aria-labelledby="status-title">
      <h3 id="status-title">{t('story.status')}</h3>
      <p role="status" aria-live="polite" data-testid="story-status" class={`status status-${killed ? 'killed' : (last?.status ?? 'none')}`}>
        {killed ? label('killed') : last ? label(last.status) : t('common.loading')}
        {last?.reason ? `: ${last.reason}` : ''}
      </p>
      <ol aria-label={t('story.steps')} class="steps">
        {steps.map((step) => (
          <li key={`${step.status}${step.updatedAt}`}>
            <time dateTime={step.updatedAt}>{time(step.updatedAt, locale)}</time> {label(step.status)}
          </li>
        ))}
      </ol>
    </section>
  );
}
