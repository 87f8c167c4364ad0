import { useTranslation } from 'react-i18next';
import type { SpotCheckRecord } from '../../../shared/schemas/spotCheck';
import { routeHash } from '../../routes/routes';
import { StatusBadge } from '../../components/StatusBadge';
import type { SaveStatus } from '../drafts/draftSaver';
import { SaveStatusText } from '../drafts/SaveStatusText';
import { takesEdits } from './spotCheckDrafts';

export function SpotCheckActionBar({
  record,
  foreign,
  status,
  savedAt,
  busy,
  onSave,
  onSubmit,
  onCorrect,
  canOpenCase,
  onOpenCase,
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
  /** The lab's conclusion is 不合格 and the record is the user's own: a case may start from it. */
  canOpenCase: boolean;
  /** 立案: open a case from this record. */
  onOpenCase: () => void;
}) {
  const { t } = useTranslation();
  const draft = takesEdits(record.status) && !foreign;

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
      <SaveStatusText
        status={status}
        savedAt={savedAt}
        storedAt={draft ? record.updatedAt : null}
      />
      <div className="action-bar-buttons">
        {canOpenCase ? (
          <button
            type="button"
            className="btn btn-case"
            onClick={onOpenCase}
            disabled={busy}
            title={t('cases.spotCheckReview.openCaseHint')}
          >
            {t('cases.spotCheckReview.openCase')}
          </button>
        ) : null}
        {draft ? (
          <>
            <button type="button" className="btn" onClick={onSave} disabled={busy} title="Ctrl+S">
              {t('common.save')}
            </button>
            <button type="button" className="btn btn-primary" onClick={onSubmit} disabled={busy}>
              {t('spotCheck.submit')}
            </button>
          </>
        ) : record.status !== 'returned' && record.supersededById === null && !foreign ? (
          <button type="button" className="btn btn-primary" onClick={onCorrect} disabled={busy}>
            {t('spotCheck.createCorrection')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
