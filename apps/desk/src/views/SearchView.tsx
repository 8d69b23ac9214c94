import { useState } from 'preact/hooks';
import type { operations as read } from '../generated/read-api';
import type { HTMLInputTypeAttribute, TargetedEvent } from 'preact';
import { ApiProblem, type ApiClient } from '../api';
import { Field } from '../components/Field';
import { ProblemNotice } from '../components/ProblemNotice';
import { useI18n, type MessageKey } from '../i18n';
import { emptySearch, searchPath, type SearchValues } from '../search-query';

/** A line of GET /v1/articles (generated from the read API's OpenAPI document). */
type Summary = read['ArticlesController_list']['responses'][200]['content']['application/json']['items'][number];

const FIELDS: Array<{ key: keyof SearchValues; label: MessageKey; type?: HTMLInputTypeAttribute }> = [
  { key: 'q', label: 'search.q', type: 'search' },
  { key: 'section', label: 'field.section' },
  { key: 'language', label: 'field.language' },
  { key: 'topic', label: 'search.topic' },
  { key: 'since', label: 'search.since', type: 'date' },
  { key: 'until', label: 'search.until', type: 'date' },
];

/** The store's search API: newest first (ranked when there is text), a page at a time. */
export function SearchView({ api, onOpen }: { api: ApiClient; onOpen: (id: string) => void }) {
  const { t, locale } = useI18n();
  const [values, setValues] = useState(emptySearch());
  const [page, setPage] = useState<{ items: Summary[]; next?: string } | null>(null);
  const [cursors, setCursors] = useState<Array<string | undefined>>([]);
  const [problem, setProblem] = useState<Error | null>(null);

  const load = async (cursor: string | undefined, trail: Array<string | undefined>) => {
    setProblem(null);
    try {
      setPage(await api.read(searchPath(values, cursor)));
      setCursors(trail);
    } catch (error) {
      setProblem(error as Error);
    }
  };
  const submit = (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    void load(undefined, [undefined]);
  };
  return (
    <section aria-labelledby="search-title">
      <h2 id="search-title">{t('search.title')}</h2>
      <form noValidate onSubmit={submit} class="search-form">
        {FIELDS.map(({ key, label, type }) => (
          <Field
            key={key}
            id={`search-${key}`}
            label={t(label)}
            type={type}
            value={values[key]}
            onInput={(value) => setValues({ ...values, [key]: value })}
            error={problem instanceof ApiProblem ? problem.reasonFor(key) : undefined}
          />
        ))}
        <button type="submit">{t('search.button')}</button>
      </form>
      {problem && <ProblemNotice title={t('common.error')} problem={problem} />}
      {page && (
        <section aria-labelledby="results-title">
          <h3 id="results-title">{t('search.results')}</h3>
          {page.items.length === 0 ? (
            <p>{t('search.none')}</p>
          ) : (
            <ol class="results" data-testid="search-results">
              {page.items.map((item) => (
                <li key={item.id}>
                  <button type="button" class="link" onClick={() => onOpen(item.id)}>
                    {item.headline}
                  </button>
                  <span class="muted">
                    {' '}
                    · {[item.section, item.language].filter(Boolean).join(' · ')} · {t('search.published')} {new Date(item.publishedAt).toLocaleString(locale)}
                  </span>
                </li>
              ))}
            </ol>
          )}
          <div class="pager">
            {cursors.length > 1 && (
              <button type="button" onClick={() => void load(cursors.at(-2), cursors.slice(0, -1))}>
                {t('search.previous')}
              </button>
            )}
            {page.next && (
              <button type="button" onClick={() => void load(page.next, [...cursors, page.next])}>
                {t('search.next')}
              </button>
            )}
          </div>
        </section>
      )}
    </section>
  );
}
