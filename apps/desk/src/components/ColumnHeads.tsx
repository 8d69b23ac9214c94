import { useI18n, type MessageKey } from '../i18n';

/**
 * A table's head: a header per column, then one for the row's actions, read by screen readers and
 * shown or not (a lone button per row needs no visible heading).
 */
export function ColumnHeads({ columns, actions, actionsShown = false }: { columns: readonly MessageKey[]; actions: MessageKey; actionsShown?: boolean }) {
  const { t } = useI18n();
  return (
    <thead>
      <tr>
        {columns.map((key) => (
          <th key={key} scope="col">
            {t(key)}
          </th>
        ))}
        <th scope="col">{actionsShown ? t(actions) : <span class="visually-hidden">{t(actions)}</span>}</th>
      </tr>
    </thead>
  );
}
