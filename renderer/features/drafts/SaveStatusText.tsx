import { useTranslation } from 'react-i18next';
import { formatTime } from '../../lib/format';
import type { SaveStatus } from './draftSaver';

/** The autosave state in the action bar: 正在保存… / 有未保存的修改 / 已于 10:32:05 保存. */
export function SaveStatusText({
  status,
  savedAt,
  storedAt,
}: {
  status: SaveStatus;
  savedAt: Date | null;
  /** When the record was last stored, shown before the first save here; null to show nothing. */
  storedAt: string | null;
}) {
  const { t } = useTranslation();
  let text = '';
  if (status === 'saving') text = t('common.saving');
  else if (status === 'pending') text = t('common.unsaved');
  else if (status === 'error') text = t('common.saveFailed');
  else if (savedAt) text = t('common.savedAt', { time: formatTime(savedAt) });
  else if (storedAt) text = t('common.savedAt', { time: formatTime(new Date(storedAt)) });
  return (
    <div className={`save-status save-status--${status}`} role="status" aria-live="polite">
      {text}
    </div>
  );
}
