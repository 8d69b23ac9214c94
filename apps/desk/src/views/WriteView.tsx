import type { ApiClient } from '../api';
import { articleBody, emptyArticle } from '../article-fields';
import { ArticleForm } from '../components/ArticleForm';
import { useI18n } from '../i18n';

/** A new story: POST /v1/articles, then its progress in the story view. */
export function WriteView({ api, onSubmitted }: { api: ApiClient; onSubmitted: (id: string) => void }) {
  const { t } = useI18n();
  const submit = async (values: ReturnType<typeof emptyArticle>) => {
    const receipt = await api.ingest<{ id: string }>('POST', '/v1/articles', articleBody(values));
    onSubmitted(receipt.id);
  };
  return (
    <section aria-labelledby="write-title">
      <h2 id="write-title">{t('write.title')}</h2>
      <ArticleForm idPrefix="write" initial={emptyArticle()} submitLabel={t('write.submit')} onSubmit={submit} />
    </section>
  );
}
