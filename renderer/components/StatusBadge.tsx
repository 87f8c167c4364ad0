import { useTranslation } from 'react-i18next';
import type { SpotCheckStatus } from '../../shared/schemas/spotCheck';

const TONE: Record<SpotCheckStatus, string> = {
  draft: 'badge-amber',
  submitted: 'badge-green',
  returned: 'badge-red',
  approved: 'badge-blue',
};

export function StatusBadge({
  status,
  superseded,
}: {
  status: SpotCheckStatus;
  superseded: boolean;
}) {
  const { t } = useTranslation();
  if (superseded) return <span className="badge badge-grey">{t('spotCheck.supersededBadge')}</span>;
  return <span className={`badge ${TONE[status]}`}>{t(`status.${status}`)}</span>;
}
