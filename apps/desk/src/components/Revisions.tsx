import type { operations as read } from '../generated/read-api';
import { useI18n } from '../i18n';

/** A stored version, as GET /v1/articles/:id/revisions lists it (generated from the read API's OpenAPI document). */
export type Revision = read['ArticlesController_revisions']['responses'][200]['content']['application/json']['items'][number];

/** Every stored version, oldest first, as the read API lists them. */
export function Revisions({ revisions }: { revisions: Revision[] }) {
  const { t, locale } = useI18n();
  return (
    <table data-testid="revisions">
      <caption>{t('revisions.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('revisions.revision')}</th>
          <th scope="col">{t('revisions.action')}</th>
          <th scope="col">{t('revisions.note')}</th>
          <th scope="col">{t('revisions.tagger')}</th>
          <th scope="col">{t('revisions.at')}</th>
        </tr>
      </thead>
      <tbody>
        {revisions.map((r) => (
          <tr key={r.revision}>
            <th scope="row">{r.revision}</th>
            <td>{r.action}</td>
            <td>{r.note ?? ''}</td>
            <td>{r.tagger ?? ''}</td>
            <td>
              <time dateTime={r.createdAt}>{new Date(r.createdAt).toLocaleString(locale)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
