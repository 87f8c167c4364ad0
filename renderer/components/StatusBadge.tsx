import { useTranslation } from 'react-i18next';
import type { SpotCheckStatus } from '../../shared/schemas/spotCheck';

export function StatusBadge({
  status,
  superseded,
}: {
  status: SpotCheckStatus;
  superseded: boolean;
}) {
  const { t } = useTranslation();
  if (superseded) return <span className="badge badge-grey">{t('spotCheck.supersededBadge')}</span>;
  return status === 'submitted' ? (
    <span className="badge badge-green">{t('spotCheck.submittedBadge')}</span>
  ) : (
    <span className="badge badge-amber">{t('spotCheck.draftBadge')}</span>
  );
}
