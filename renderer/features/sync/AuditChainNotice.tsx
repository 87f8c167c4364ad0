import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { useSyncStore } from './syncStore';

/**
 * Shown while the server reports a broken or missing link in this device's audit trail. No
 * close button: it goes away only when the server accepts the chain again. Nothing local is
 * touched and sync goes on, which the text says so nobody reinstalls the app over evidence.
 */
export function AuditChainNotice() {
  const { t } = useTranslation();
  const found = useSyncStore((s) => s.status?.auditChain?.break ?? null);
  if (!found) return null;
  return (
    <div className="banner banner-error" role="alert">
      <strong className="banner-title">{t('sync.auditChain.broken')}</strong>
      <div className="banner-text">
        {t('sync.auditChain.detail', {
          seq: found.chainSeq,
          kind: t(`sync.auditChain.kind.${found.kind}`),
          time: formatDateTime(found.detectedAt),
        })}{' '}
        {t('sync.auditChain.advice')}
      </div>
    </div>
  );
}
