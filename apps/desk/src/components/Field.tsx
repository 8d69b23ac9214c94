import type { HTMLInputTypeAttribute, TargetedEvent } from 'preact';

interface FieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string;
  hint?: string;
  multiline?: boolean;
  type?: HTMLInputTypeAttribute;
  lang?: string;
}

/** A visible label, its hint and the API's reason for this field, all tied to the control for screen readers. */
export function Field({ id, label, value, onInput, error, hint, multiline, type = 'text', lang }: FieldProps) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: id,
    value,
    lang,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': described,
    onInput: (event: TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) => onInput(event.currentTarget.value),
  };
  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      <label for={id}>{label}</label>
      {multiline ? <textarea rows={10} {...common} /> : <input {...common} type={type as 'text'} />}
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
