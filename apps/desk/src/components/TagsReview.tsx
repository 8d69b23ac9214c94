import { useState } from 'preact/hooks';
import type { TargetedEvent } from 'preact';
import { useI18n, type MessageKey } from '../i18n';
import { confidenceText, provenanceText, TAG_LISTS, type ArticleTags, type EditorTag, type TagType } from '../story-tags';
import { Field } from './Field';

interface TagsReviewProps {
  tags: ArticleTags;
  canEdit: boolean;
  onRemove: (tag: EditorTag) => void;
  onAdd: (tag: EditorTag) => void;
}

/** Every tag with its confidence and where it came from; an editor's tag or removal is marked locked. */
export function TagsReview({ tags, canEdit, onRemove, onAdd }: TagsReviewProps) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="tags-title">
      <h3 id="tags-title">{t('tags.title')}</h3>
      {TAG_LISTS.map(([list, type]) => (
        <table key={list} class="tags" data-testid={`tags-${list}`}>
          <caption>{t(`tags.${list}` as MessageKey)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tags.name')}</th>
              <th scope="col">{t('tags.id')}</th>
              <th scope="col">{t('tags.confidence')}</th>
              <th scope="col">{t('tags.provenance')}</th>
              {canEdit && <th scope="col">{t('tags.action')}</th>}
            </tr>
          </thead>
          <tbody>
            {tags[list].length === 0 && (
              <tr>
                <td colSpan={canEdit ? 5 : 4}>{t('tags.none')}</td>
              </tr>
            )}
            {tags[list].map((tag) => (
              <tr key={tag.id}>
                <th scope="row">{tag.name}</th>
                <td>{tag.id}</td>
                <td>{confidenceText(tag)}</td>
                <td>
                  {provenanceText(tag)}
                  {tag.provenance.source === 'editor' && <span class="badge"> · {t('tags.locked')}</span>}
                </td>
                {canEdit && (
                  <td>
                    <button type="button" aria-label={`${t('tags.remove')} ${tag.name}`} onClick={() => onRemove({ type, id: tag.id, name: tag.name })}>
                      {t('tags.remove')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <h4>{t('tags.removed')}</h4>
      {tags.removed.length === 0 ? (
        <p>{t('tags.none')}</p>
      ) : (
        <ul data-testid="tags-removed">
          {tags.removed.map((tag) => (
            <li key={`${tag.type}:${tag.id}`}>
              {tag.name ?? tag.id} ({t(`tags.type.${tag.type}` as MessageKey)}) · <span class="badge">{t('tags.locked')}</span>
            </li>
          ))}
        </ul>
      )}
      {canEdit && <AddTag onAdd={onAdd} />}
    </section>
  );
}

function AddTag({ onAdd }: { onAdd: (tag: EditorTag) => void }) {
  const { t } = useI18n();
  const [type, setType] = useState<TagType>('organisation');
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const submit = (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!name.trim()) return;
    onAdd({ type, name: name.trim(), ...(id.trim() ? { id: id.trim() } : {}) });
    setName('');
    setId('');
  };
  return (
    <form onSubmit={submit} aria-labelledby="add-tag-title">
      <h4 id="add-tag-title">{t('tags.add')}</h4>
      <div class="field">
        <label for="new-tag-type">{t('tags.type')}</label>
        <select id="new-tag-type" value={type} onChange={(event) => setType(event.currentTarget.value as TagType)}>
          {TAG_LISTS.map(([, value]) => (
            <option key={value} value={value}>
              {t(`tags.type.${value}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <Field id="new-tag-name" label={t('tags.newName')} value={name} onInput={setName} />
      <Field id="new-tag-id" label={t('tags.newId')} value={id} onInput={setId} />
      <button type="submit">{t('tags.addButton')}</button>
    </form>
  );
}
