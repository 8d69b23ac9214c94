import { useState } from 'preact/hooks';
import type { TargetedEvent } from 'preact';
import { ApiProblem, type ApiClient } from '../api';
import { useI18n, type MessageKey } from '../i18n';
import { emptySubscriberForm, LIFECYCLE_EVENTS, subscriberCreation, type SubscriberFormFields } from '../subscriber-filter';
import { Field } from './Field';
import { ProblemNotice } from './ProblemNotice';

/** What POST /v1/subscribers answers that the list never shows again. */
export interface CreatedSubscriber {
  id: string;
  name: string;
  secret: string;
}

const LISTS: Array<{ key: 'languages' | 'sections' | 'topics' | 'sources'; label: MessageKey; hint: MessageKey }> = [
  { key: 'languages', label: 'subs.languages', hint: 'subs.languages.hint' },
  { key: 'sections', label: 'subs.sections', hint: 'subs.lists.hint' },
  { key: 'topics', label: 'subs.topics', hint: 'subs.topics.hint' },
  { key: 'sources', label: 'subs.sources', hint: 'subs.lists.hint' },
];

/** Registers a subscriber; the API's reason for a field appears beside it (the filter's lists under their own names). */
export function SubscriberForm({ api, onCreated }: { api: ApiClient; onCreated: (created: CreatedSubscriber) => void }) {
  const { t } = useI18n();
  const [fields, setFields] = useState<SubscriberFormFields>(emptySubscriberForm());
  const [problem, setProblem] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const set =
    <K extends keyof SubscriberFormFields>(key: K) =>
    (value: SubscriberFormFields[K]) =>
      setFields((current) => ({ ...current, [key]: value }));
  const reason = (field: string) => {
    if (!(problem instanceof ApiProblem)) return undefined;
    // The filter's reasons come as filter.languages, /filter/languages/0 and the like.
    const nested = problem.errors.find((issue) => issue.field.replace(/^\//, '').split(/[./]/)[1] === field && /^\/?filter/.test(issue.field));
    return nested?.reason ?? problem.reasonFor(field);
  };
  const toggle = (event: (typeof LIFECYCLE_EVENTS)[number], on: boolean) =>
    set('events')(on ? [...fields.events, event] : fields.events.filter((e) => e !== event));
  const submit = async (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    setBusy(true);
    try {
      const created = await api.subscribers<CreatedSubscriber>('POST', '/v1/subscribers', subscriberCreation(fields));
      setFields(emptySubscriberForm());
      onCreated(created);
    } catch (error) {
      setProblem(error as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <details>
      <summary>{t('subs.add')}</summary>
      <form noValidate onSubmit={(event) => void submit(event)}>
        {problem && <ProblemNotice title={t('subs.problem')} problem={problem} />}
        <Field id="sub-name" label={t('subs.name')} value={fields.name} onInput={set('name')} error={reason('name')} />
        <Field id="sub-url" label={t('subs.url')} value={fields.url} onInput={set('url')} error={reason('url')} hint={t('subs.url.hint')} type="url" />
        <div class="field">
          <label for="sub-format">{t('subs.format')}</label>
          <select id="sub-format" value={fields.format} onChange={(e) => set('format')(e.currentTarget.value as SubscriberFormFields['format'])}>
            <option value="ninjs">ninjs</option>
            <option value="newsml-g2">NewsML-G2</option>
          </select>
        </div>
        <fieldset class="field" aria-describedby={reason('events') ? 'sub-events-error' : undefined}>
          <legend>{t('subs.events')}</legend>
          {LIFECYCLE_EVENTS.map((name) => (
            <label key={name} class="check">
              <input type="checkbox" checked={fields.events.includes(name)} onChange={(e) => toggle(name, e.currentTarget.checked)} /> {t(`event.${name}`)}
            </label>
          ))}
          {reason('events') && (
            <p class="error" id="sub-events-error">
              {reason('events')}
            </p>
          )}
        </fieldset>
        {LISTS.map(({ key, label, hint }) => (
          <Field key={key} id={`sub-${key}`} label={t(label)} value={fields[key]} onInput={set(key)} error={reason(key)} hint={t(hint)} />
        ))}
        <Field
          id="sub-from"
          label={t('subs.from')}
          value={fields.from}
          onInput={set('from')}
          error={reason('from')}
          hint={t('subs.from.hint')}
          type="datetime-local"
        />
        <button type="submit" disabled={busy}>
          {t('subs.create')}
        </button>
      </form>
    </details>
  );
}
