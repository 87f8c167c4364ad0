import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { useSyncStore } from './syncStore';

/**
 * Red and persistent (no close button) for as long as the server refuses this device: the
 * inspector must know why nothing syncs, and that nothing local was deleted.
 */
export function RevokedBanner({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  const revoked = useSyncStore((s) => s.status?.revoked ?? null);
  if (!revoked) return null;
  return (
    <div className={`revoked-banner${compact ? ' revoked-banner--compact' : ''}`} role="alert">
      <strong className="revoked-title">{t('sync.revokedTitle')}</strong>
      <span className="revoked-message">
        {revoked.message}
        <span className="mono"> （{formatDateTime(revoked.at)}）</span>
      </span>
      <span className="revoked-keep">{t('sync.revokedKeep')}</span>
    </div>
  );
}
