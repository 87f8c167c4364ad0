import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { MessageRef } from '../../../shared/api/result';
import { tMessage } from '../../i18n/messages';
import { formatWhen } from '../../lib/format';
import { ErrorBanner } from '../../components/ErrorBanner';
import { setSyncStatus, useSyncStore } from './syncStore';
import { refreshSyncStatus } from './syncPolling';

/** The live numbers of sync with the 立即同步 button; shown in the panel and on the sync page. */
export function SyncOverview() {
  const { t } = useTranslation();
  const status = useSyncStore((s) => s.status);
  const [error, setError] = useState<MessageRef | null>(null);
  const [starting, setStarting] = useState(false);
  if (!status) return null;

  const none = t('common.none');
  const running =
    status.phase === 'pushing' || status.phase === 'pulling' || status.phase === 'uploading';
  const progress = status.progress;
  const percent =
    progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : null;
  const canSync = status.enrolled && !status.revoked && status.user !== null;

  const syncNow = async () => {
    setStarting(true);
    setError(null);
    const result = await api()['sync.now']({});
    setStarting(false);
    if (result.ok) setSyncStatus(result.value);
    else setError(result.error.message);
    void refreshSyncStatus();
  };

  const reachable =
    status.reachable === null
      ? t('sync.reachableUnknown')
      : status.reachable
        ? t('sync.reachableYes')
        : t('sync.reachableNo');

  return (
    <div className="sync-overview">
      <div className="sync-overview-head">
        {status.revoked ? (
          <span className="sync-phase sync-phase--revoked">
            <span className="sync-phase-dot" aria-hidden="true" />
            {t('sync.indicator.revoked')}
          </span>
        ) : (
          <span className={`sync-phase sync-phase--${status.phase}`}>
            <span className="sync-phase-dot" aria-hidden="true" />
            {t(`sync.phases.${status.phase}`)}
          </span>
        )}
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => void syncNow()}
          disabled={!canSync || starting}
        >
          {t('sync.syncNow')}
        </button>
      </div>
      {error ? (
        <ErrorBanner onClose={() => setError(null)}>{tMessage(t, error)}</ErrorBanner>
      ) : null}
      {running || progress ? (
        <div className="sync-progress">
          <progress
            aria-label={t('sync.progress')}
            max={progress?.total || undefined}
            value={progress && progress.total > 0 ? progress.done : undefined}
          />
          <span className="mono muted">
            {progress ? `${progress.done} / ${progress.total}` : ''}
            {percent !== null ? ` · ${percent}%` : ''}
          </span>
        </div>
      ) : null}
      <dl className="kv sync-kv">
        <dt>{t('sync.pendingMutations')}</dt>
        <dd data-testid="sync-pending-mutations">
          <strong className={status.pendingMutations > 0 ? 'text-amber' : ''}>
            {t('sync.countItems', { count: status.pendingMutations })}
          </strong>
        </dd>
        <dt>{t('sync.pendingFiles')}</dt>
        <dd data-testid="sync-pending-files">
          <strong className={status.pendingFiles > 0 ? 'text-amber' : ''}>
            {t('sync.countFiles', { count: status.pendingFiles })}
          </strong>
        </dd>
        <dt>{t('sync.lastSuccess')}</dt>
        <dd className="mono">
          {status.lastSuccessAt ? formatWhen(status.lastSuccessAt) : t('sync.never')}
        </dd>
        <dt>{t('sync.reachable')}</dt>
        <dd>
          <span className={status.reachable === false ? 'text-error' : ''}>{reachable}</span>
        </dd>
        {status.lastError ? (
          <>
            <dt>{t('sync.lastError')}</dt>
            <dd className="text-error">
              {tMessage(t, status.lastError)}
              {status.lastAttemptAt ? (
                <span className="mono muted"> （{formatWhen(status.lastAttemptAt)}）</span>
              ) : null}
            </dd>
          </>
        ) : null}
        <dt>{t('sync.nextAttempt')}</dt>
        <dd className="mono">{status.nextAttemptAt ? formatWhen(status.nextAttemptAt) : none}</dd>
      </dl>
    </div>
  );
}
