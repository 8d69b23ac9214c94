import { useState } from 'preact/hooks';
import { ApiProblem, type ApiClient } from '../api';
import { articleBody, valuesFromNinjs, type ArticleValues } from '../article-fields';
import { ArticleForm } from '../components/ArticleForm';
import { KillForm } from '../components/KillForm';
import { ProblemNotice } from '../components/ProblemNotice';
import { Revisions, type Revision } from '../components/Revisions';
import { StatusSteps, type StatusStep } from '../components/StatusSteps';
import { TagsReview } from '../components/TagsReview';
import { useI18n } from '../i18n';
import { usePolling } from '../poll';
import { may, type Whoami } from '../session';
import { editorTagsOf, withAdded, withRemoved, type ArticleTags, type EditorTag } from '../story-tags';

type Ninjs = Parameters<typeof valuesFromNinjs>[0] & { version?: string };
interface ReadState {
  doc?: Ninjs;
  tags?: ArticleTags;
  revisions?: Revision[];
  gone?: string;
}

const POLL_MS = 1000;

/** One story: its way through the pipeline (polled), its tags, its changes and its revisions. */
export function StoryView({ api, who, id }: { api: ApiClient; who: Whoami; id: string | null }) {
  const { t } = useI18n();
  if (!id)
    return (
      <section aria-labelledby="story-title">
        <h2 id="story-title">{t('story.title')}</h2>
        <p>{t('story.none')}</p>
      </section>
    );
  return <Story key={id} api={api} who={who} id={id} />;
}

function Story({ api, who, id }: { api: ApiClient; who: Whoami; id: string }) {
  const { t } = useI18n();
  const [steps, setSteps] = useState<StatusStep[]>([]);
  const [read, setRead] = useState<ReadState>({});
  const [problem, setProblem] = useState<Error | null>(null);
  const [notice, setNotice] = useState('');

  const refreshRead = async () => {
    try {
      const [doc, tags, revisions] = await Promise.all([
        api.read<Ninjs>(`/v1/articles/${id}`),
        api.read<ArticleTags>(`/v1/articles/${id}/tags`),
        api.read<{ items: Revision[] }>(`/v1/articles/${id}/revisions`),
      ]);
      setRead({ doc, tags, revisions: revisions.items });
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 410) setRead({ gone: String(error.body.reason ?? error.message) });
      else if (!(error instanceof ApiProblem && error.status === 404)) setProblem(error as Error);
    }
  };
  usePolling(
    async () => {
      const status = await api.ingest<StatusStep>('GET', `/v1/articles/${id}/status`);
      const last = steps.at(-1);
      if (last && last.status === status.status && last.updatedAt === status.updatedAt) return;
      setSteps((previous) => [...previous, status]);
      if (status.status === 'published' || status.status === 'embargoed') await refreshRead();
    },
    POLL_MS,
    !read.gone,
  );

  const send = async (method: string, path: string, body: unknown) => {
    setProblem(null);
    await api.ingest(method, path, body);
    setNotice(t('change.sent'));
  };
  const current = () => (read.doc ? valuesFromNinjs(read.doc) : undefined);
  const withTags = (values: ArticleValues, tags = editorTagsOf(read.tags ?? null)) => ({ ...articleBody(values), tags });
  const saveTags = (tags: ReturnType<typeof editorTagsOf>) => {
    const values = current();
    if (values) send('PUT', `/v1/articles/${id}`, withTags(values, tags)).catch(setProblem);
  };
  const editorTags = editorTagsOf(read.tags ?? null);
  const headline = read.doc?.headlines?.find((h) => h.role === 'main')?.value;

  return (
    <section aria-labelledby="story-title">
      <h2 id="story-title">
        {t('story.title')}
        {headline ? `: ${headline}` : ''}
      </h2>
      <p class="muted">{id}</p>
      <StatusSteps steps={steps} killed={!!read.gone} />
      {read.gone && (
        <p class="gone" role="status">
          <strong>{t('story.killed')}</strong>: {read.gone}
        </p>
      )}
      {problem && <ProblemNotice title={t('common.error')} problem={problem} />}
      {notice && (
        <p role="status" class="notice">
          {notice}
        </p>
      )}
      {read.tags && !read.gone && (
        <TagsReview
          tags={read.tags}
          canEdit={may(who, 'submit')}
          onRemove={(tag: EditorTag) => saveTags(withRemoved(editorTags, tag))}
          onAdd={(tag: EditorTag) => saveTags(withAdded(editorTags, tag))}
        />
      )}
      {read.doc && !read.gone && (
        <section aria-labelledby="change-title">
          <h3 id="change-title">{t('change.title')}</h3>
          {may(who, 'submit') && (
            <details>
              <summary>{t('change.update')}</summary>
              <ArticleForm
                key={`u${read.doc.version}`}
                idPrefix="update"
                initial={current()!}
                submitLabel={t('change.update')}
                onSubmit={(values) => send('PUT', `/v1/articles/${id}`, withTags(values))}
              />
            </details>
          )}
          {may(who, 'correct') && (
            <details>
              <summary>{t('change.correct')}</summary>
              <ArticleForm
                key={`c${read.doc.version}`}
                idPrefix="correct"
                initial={current()!}
                submitLabel={t('change.correct')}
                extra={{ id: 'correct-note', label: t('field.note'), apiField: 'note' }}
                onSubmit={(values, note) => send('POST', `/v1/articles/${id}/corrections`, { ...withTags(values), note })}
              />
            </details>
          )}
          {may(who, 'kill') && <KillForm onKill={(reason) => send('POST', `/v1/articles/${id}/kill`, { reason })} />}
        </section>
      )}
      {read.revisions && !read.gone && <Revisions revisions={read.revisions} />}
    </section>
  );
}
