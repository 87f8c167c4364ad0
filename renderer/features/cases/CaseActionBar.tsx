import { useTranslation } from 'react-i18next';
import type { CaseRecord } from '../../../shared/domain/case/record';
import { routeHash } from '../../routes/routes';
import type { SaveStatus } from '../drafts/draftSaver';
import { SaveStatusText } from '../drafts/SaveStatusText';
import { StageBadge } from './StageBadge';

export function CaseActionBar({
  record,
  cause,
  editable,
  status,
  savedAt,
  busy,
  onSave,
}: {
  record: CaseRecord;
  /** The 案由 as typed now. */
  cause: string;
  editable: boolean;
  status: SaveStatus;
  savedAt: Date | null;
  busy: boolean;
  onSave: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="action-bar">
      <a className="btn btn-ghost btn-back" href={routeHash({ name: 'cases' })}>
        ‹ {t('cases.back')}
      </a>
      <div className="action-bar-id">
        <span className="strong action-bar-title" title={cause}>
          {cause || t('cases.untitled')}
        </span>
        <StageBadge stage={record.stage} pendingStep={record.pending?.step ?? null} />
      </div>
      <SaveStatusText
        status={status}
        savedAt={savedAt}
        storedAt={editable ? record.updatedAt : null}
      />
      <div className="action-bar-buttons">
        {editable ? (
          <button type="button" className="btn" onClick={onSave} disabled={busy} title="Ctrl+S">
            {t('common.save')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
