import { useState } from 'preact/hooks';
import type { TargetedEvent } from 'preact';
import { useI18n } from '../i18n';
import { Field } from '../components/Field';
import { ProblemNotice } from '../components/ProblemNotice';

/** The only credential is the editor's API key, typed here and kept in this tab. */
export function SignIn({ onSignIn }: { onSignIn: (key: string) => Promise<void> }) {
  const { t } = useI18n();
  const [key, setKey] = useState('');
  const [problem, setProblem] = useState<Error | null>(null);
  const submit = async (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    await onSignIn(key.trim()).catch((error: Error) => setProblem(error));
  };
  return (
    <section aria-labelledby="signin-title">
      <h2 id="signin-title">{t('signin.title')}</h2>
      <form noValidate onSubmit={(event) => void submit(event)}>
        {problem && <ProblemNotice title={t('common.error')} problem={problem} />}
        <Field id="api-key" label={t('signin.key')} type="password" value={key} onInput={setKey} hint={t('signin.hint')} />
        <button type="submit">{t('signin.button')}</button>
      </form>
    </section>
  );
}
