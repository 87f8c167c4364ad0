import { useTranslation } from 'react-i18next';
import type { PagedCache } from '../lib/pagedCache';
import { tMessage } from '../i18n/messages';

/** What to show instead of rows: loading, a load error, no data at all, or no match. */
export function ListStates<T>({
  cache,
  filtered,
  emptyText,
  emptyAction,
  onEmptyAction,
  noMatchText,
}: {
  cache: PagedCache<T>;
  filtered: boolean;
  emptyText: string;
  emptyAction: string;
  onEmptyAction: () => void;
  noMatchText: string;
}) {
  const { t } = useTranslation();
  if (cache.error) {
    return (
      <div className="list-state" role="alert">
        <p>{tMessage(t, cache.error)}</p>
        <button type="button" className="btn" onClick={() => cache.retry()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (cache.total === null) {
    return (
      <div className="list-state" aria-busy="true">
        <p className="muted">{t('common.loading')}</p>
      </div>
    );
  }
  if (cache.total > 0) return null;
  if (filtered) {
    return (
      <div className="list-state">
        <p>{noMatchText}</p>
      </div>
    );
  }
  return (
    <div className="list-state list-state--empty">
      <p>{emptyText}</p>
      <button type="button" className="btn btn-primary" onClick={onEmptyAction}>
        {emptyAction}
      </button>
    </div>
  );
}
