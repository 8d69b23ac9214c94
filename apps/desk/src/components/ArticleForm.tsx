import { useState } from 'preact/hooks';
import type { TargetedEvent } from 'preact';
import { ApiProblem } from '../api';
import { ARTICLE_FIELDS, type ArticleField, type ArticleValues } from '../article-fields';
import { useI18n, type MessageKey } from '../i18n';
import { Field } from './Field';
import { ProblemNotice } from './ProblemNotice';

interface ArticleFormProps {
  idPrefix: string;
  initial: ArticleValues;
  submitLabel: string;
  /** A field the form adds for this action (the correction note). */
  extra?: { id: string; label: string; apiField: string };
  onSubmit: (values: ArticleValues, extra: string) => Promise<void>;
}

const HINTS: Partial<Record<ArticleField, MessageKey>> = { body: 'field.body.hint', language: 'field.language.hint', embargo: 'field.embargo.hint' };

/** Headline, standfirst, body, section, language, byline, embargo: the API's own field errors beside each. */
export function ArticleForm({ idPrefix, initial, submitLabel, extra, onSubmit }: ArticleFormProps) {
  const { t } = useI18n();
  const [values, setValues] = useState(initial);
  const [extraValue, setExtraValue] = useState('');
  const [problem, setProblem] = useState<ApiProblem | Error | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await onSubmit(values, extraValue);
    } catch (error) {
      setProblem(error as Error);
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (field: string) => (problem instanceof ApiProblem ? problem.reasonFor(field) : undefined);
  const field = (name: ArticleField) => (
    <Field
      key={name}
      id={`${idPrefix}-${name}`}
      label={t(`field.${name}` as MessageKey)}
      value={values[name]}
      onInput={(value) => setValues({ ...values, [name]: value })}
      error={fieldError(name)}
      hint={HINTS[name] && t(HINTS[name]!)}
      multiline={name === 'body'}
      type={name === 'embargo' ? 'datetime-local' : 'text'}
    />
  );
  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      {problem && <ProblemNotice title={t('write.problem')} problem={problem} />}
      {ARTICLE_FIELDS.map(field)}
      {extra && <Field id={extra.id} label={extra.label} value={extraValue} onInput={setExtraValue} error={fieldError(extra.apiField)} multiline={false} />}
      <button type="submit" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
