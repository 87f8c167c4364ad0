import { useTranslation } from 'react-i18next';
import type { SpotCheckRecord } from '../../../shared/schemas/spotCheck';
import { routeHash } from '../../routes/routes';
import { formatTime } from '../../lib/format';
import { StatusBadge } from '../../components/StatusBadge';
import type { SaveStatus } from './useDraftSaver';

export function SpotCheckActionBar({
  record,
  foreign,
  status,
  savedAt,
  busy,
  onSave,
  onSubmit,
  onCorrect,
}: {
  record: SpotCheckRecord;
  /** Someone else's record (a supervisor's view): no save, submit or correction here. */
  foreign: boolean;
  status: SaveStatus;
  savedAt: Date | null;
  busy: boolean;
  onSave: () => void;
  onSubmit: () => void;
  onCorrect: () => void;
}) {
  const { t } = useTranslation();
  const draft = record.status === 'draft' && !foreign;
  let saveText = '';
  if (status === 'saving') saveText = t('common.saving');
  else if (status === 'pending') saveText = t('common.unsaved');
  else if (status === 'error') saveText = t('common.saveFailed');
  else if (savedAt) saveText = t('common.savedAt', { time: formatTime(savedAt) });
  else if (draft) saveText = t('common.savedAt', { time: formatTime(new Date(record.updatedAt)) });

  return (
    <div className="action-bar">
      <a className="btn btn-ghost btn-back" href={routeHash({ name: 'spotChecks' })}>
        ‹ {t('spotCheck.back')}
      </a>
      <div className="action-bar-id">
        <span className="mono strong">
          {record.data.basic.recordNumber || t('spotCheck.listTitle')}
        </span>
        <StatusBadge status={record.status} superseded={record.supersededById !== null} />
        <span className="version-label">
          {t('spotCheck.versionLabel', { version: record.version })}
        </span>
      </div>
      <div className={`save-status save-status--${status}`} role="status" aria-live="polite">
        {saveText}
      </div>
      <div className="action-bar-buttons">
        {draft ? (
          <>
            <button type="button" className="btn" onClick={onSave} disabled={busy} title="Ctrl+S">
              {t('common.save')}
            </button>
            <button type="button" className="btn btn-primary" onClick={onSubmit} disabled={busy}>
              {t('spotCheck.submit')}
            </button>
          </>
        ) : record.supersededById === null && !foreign ? (
          <button type="button" className="btn btn-primary" onClick={onCorrect} disabled={busy}>
            {t('spotCheck.createCorrection')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
