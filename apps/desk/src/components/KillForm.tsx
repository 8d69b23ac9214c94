import { useEffect, useRef, useState } from 'preact/hooks';
import type { TargetedEvent } from 'preact';
import { ApiProblem } from '../api';
import { useI18n } from '../i18n';
import { Field } from './Field';
import { ProblemNotice } from './ProblemNotice';

/** A kill needs its reason, then a second, explicit yes: there is no undo. */
export function KillForm({ onKill }: { onKill: (reason: string) => Promise<void> }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<Error | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const ask = (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    setConfirming(true);
  };
  const kill = async () => {
    setConfirming(false);
    setProblem(null);
    await onKill(reason).catch(setProblem);
  };
  return (
    <details>
      <summary>{t('change.kill')}</summary>
      <form noValidate onSubmit={ask}>
        {problem && <ProblemNotice title={t('common.error')} problem={problem} />}
        <Field
          id="kill-reason"
          label={t('field.reason')}
          value={reason}
          onInput={setReason}
          error={problem instanceof ApiProblem ? problem.reasonFor('reason') : undefined}
        />
        <button type="submit" class="danger">
          {t('change.kill')}
        </button>
      </form>
      {confirming && (
        <div role="alertdialog" aria-modal="false" aria-labelledby="kill-confirm-text" class="confirm">
          <p id="kill-confirm-text">{t('change.killConfirm')}</p>
          <button type="button" class="danger" ref={confirmRef} onClick={() => void kill()}>
            {t('change.killYes')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('change.cancel')}
          </button>
        </div>
      )}
    </details>
  );
}
