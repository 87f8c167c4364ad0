import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api } from '../../api/client';
import type { AuditEntityType, AuditEntry } from '../../../shared/schemas/audit';
import type { MessageRef } from '../../../shared/api/result';
import { tMessage } from '../../i18n/messages';
import { formatDateTime } from '../../lib/format';
import { displayValue, isEmptyValue } from '../../lib/displayValue';

function Value({
  t,
  path,
  value,
  kind,
}: {
  t: TFunction;
  path: string;
  value: unknown;
  kind: 'old' | 'new';
}) {
  return (
    <span className={isEmptyValue(value) ? 'audit-empty' : `audit-${kind}`}>
      {displayValue(t, path, value)}
    </span>
  );
}

/** The 修改记录 panel: loaded only when opened, refreshed after each save while open. */
export function AuditPanel({
  entityType,
  entityId,
  refreshKey,
  labelFor,
}: {
  entityType: AuditEntityType;
  entityId: string;
  refreshKey: number;
  labelFor: (path: string) => string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<MessageRef | null>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    const load = async () => {
      const r = await api()['audit.list']({ entityType, entityId });
      if (!live) return;
      if (r.ok) {
        setEntries([...r.value].reverse());
        setError(null);
      } else setError(r.error.message);
    };
    void load();
    return () => {
      live = false;
    };
  }, [open, entityType, entityId, refreshKey]);

  return (
    <details className="card audit-panel" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('common.history')}</summary>
      {error ? <p role="alert">{tMessage(t, error)}</p> : null}
      {open && entries === null && !error ? <p className="muted">{t('common.loading')}</p> : null}
      {entries && entries.length === 0 ? <p className="muted">{t('common.noHistory')}</p> : null}
      {entries && entries.length > 0 ? (
        <ol className="audit-list">
          {entries.map((entry) => (
            <li key={entry.id}>
              <div className="audit-head">
                <span className="mono">{formatDateTime(entry.at)}</span>
                <span className="strong">{entry.actorName}</span>
                <span className={`audit-action audit-${entry.action}`}>
                  {t(`audit.actions.${entry.action}`)}
                </span>
                {entry.changes.length > 0 ? (
                  <span className="muted">
                    {t('audit.changeCount', { count: entry.changes.length })}
                  </span>
                ) : null}
              </div>
              {entry.changes.length > 0 ? (
                <ul className="audit-changes">
                  {entry.changes.map((c) => (
                    <li key={c.path}>
                      <span className="audit-field">
                        {t(`audit.fields.${c.path}`, { defaultValue: '' }) || labelFor(c.path)}
                      </span>
                      <Value t={t} path={c.path} value={c.old} kind="old" />
                      <span aria-hidden="true"> → </span>
                      <Value t={t} path={c.path} value={c.new} kind="new" />
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </details>
  );
}
