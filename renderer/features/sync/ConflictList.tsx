import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { MessageRef } from '../../../shared/api/result';
import type { FieldConflictItem } from '../../../shared/schemas/sync';
import { tMessage } from '../../i18n/messages';
import { displayValue, isEmptyValue } from '../../lib/displayValue';
import { formatDateTime } from '../../lib/format';
import { showNotice } from '../../store/appStore';
import { ErrorBanner } from '../../components/ErrorBanner';
import { entityHref, entityName, fieldLabel } from './entityLinks';
import { refreshSyncStatus } from './syncPolling';
import { useSyncList } from './useSyncList';

const load = () => api()['conflicts.list']({});
const count = (s: { openConflicts: number }) => s.openConflicts;

/** 冲突: both values side by side; a person picks one, nothing is overwritten silently. */
export function ConflictList({ onOpenRecord }: { onOpenRecord?: () => void }) {
  const { t } = useTranslation();
  const { items, error, setItems } = useSyncList(load, count);
  const [busy, setBusy] = useState<string | null>(null);
  const [resolveError, setResolveError] = useState<MessageRef | null>(null);

  const resolve = async (c: FieldConflictItem, choice: 'server' | 'client') => {
    setBusy(c.conflictId);
    setResolveError(null);
    const result = await api()['conflicts.resolve']({ conflictId: c.conflictId, choice });
    setBusy(null);
    if (!result.ok) {
      setResolveError(result.error.message);
      return;
    }
    // The answer is the remaining open conflicts.
    setItems(result.value);
    showNotice({ key: 'sync.resolved' });
    void refreshSyncStatus();
  };

  return (
    <section className="sync-list" aria-labelledby="sync-conflicts-h">
      <h3 id="sync-conflicts-h" className="section-title">
        {t('sync.conflictsTitle')}
        {items && items.length > 0 ? (
          <span className="badge badge-amber">{items.length}</span>
        ) : null}
      </h3>
      {error ? <p role="alert">{tMessage(t, error)}</p> : null}
      {resolveError ? (
        <ErrorBanner onClose={() => setResolveError(null)}>{tMessage(t, resolveError)}</ErrorBanner>
      ) : null}
      {items && items.length === 0 ? <p className="muted">{t('sync.conflictsEmpty')}</p> : null}
      {items && items.length > 0 ? (
        <>
          <p className="muted sync-list-hint">{t('sync.conflictsHint')}</p>
          <ul className="sync-items">
            {items.map((c) => {
              const href = entityHref(c.entity, c.entityId);
              const label = fieldLabel(t, c.entity, c.field);
              const headId = `conflict-${c.conflictId}`;
              return (
                <li
                  key={c.conflictId}
                  className="sync-item sync-item--conflict"
                  aria-labelledby={headId}
                >
                  <div className="sync-item-head" id={headId}>
                    <span className="badge badge-grey">{entityName(t, c.entity)}</span>
                    {href ? (
                      <a className="strong sync-item-label" href={href} onClick={onOpenRecord}>
                        {c.label}
                      </a>
                    ) : (
                      <span className="strong sync-item-label">{c.label}</span>
                    )}
                    <span className="mono muted">{formatDateTime(c.at)}</span>
                  </div>
                  <p className="sync-conflict-field">{label}</p>
                  <div className="conflict-values">
                    <div className="conflict-value">
                      <span className="conflict-value-label">{t('sync.serverValue')}</span>
                      <span className={isEmptyValue(c.serverValue) ? 'audit-empty' : ''}>
                        {displayValue(t, c.field, c.serverValue)}
                      </span>
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={busy !== null}
                        aria-label={`${t('sync.useServer')}：${label}`}
                        onClick={() => void resolve(c, 'server')}
                      >
                        {t('sync.useServer')}
                      </button>
                    </div>
                    <div className="conflict-value conflict-value--client">
                      <span className="conflict-value-label">{t('sync.clientValue')}</span>
                      <span className={isEmptyValue(c.clientValue) ? 'audit-empty' : ''}>
                        {displayValue(t, c.field, c.clientValue)}
                      </span>
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={busy !== null}
                        aria-label={`${t('sync.useClient')}：${label}`}
                        onClick={() => void resolve(c, 'client')}
                      >
                        {t('sync.useClient')}
                      </button>
                    </div>
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </section>
  );
}
