import { useTranslation } from 'react-i18next';
import { tMessage } from '../../i18n/messages';
import { NumberStockCard } from '../numbers/NumberStockCard';
import { AccountCard } from './AccountCard';
import { SyncOverview } from './SyncOverview';
import { ConflictList } from './ConflictList';
import { QuarantineList } from './QuarantineList';
import { useLiveSyncStatus } from './syncPolling';
import { useSyncStore } from './syncStore';

/** 数据同步: account and enrollment on the left, live status and the lists to act on. */
export function SyncPage() {
  const { t } = useTranslation();
  useLiveSyncStatus();
  const status = useSyncStore((s) => s.status);
  const supported = useSyncStore((s) => s.supported);
  const readError = useSyncStore((s) => s.readError);

  return (
    <section className="page page--sync" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title" className="page-title">
          {t('sync.title')}
        </h1>
      </div>
      {readError ? <p role="alert">{tMessage(t, readError)}</p> : null}
      {!supported ? <p className="muted">{t('sync.statusUnavailable')}</p> : null}
      {status === null && supported && !readError ? (
        <p className="muted">{t('common.loading')}</p>
      ) : null}
      <div className="sync-grid">
        <AccountCard />
        {status?.enrolled ? (
          <div className="card sync-status-card">
            <h2 className="section-title">{t('sync.panelTitle')}</h2>
            <SyncOverview />
          </div>
        ) : null}
        {status?.enrolled ? <NumberStockCard /> : null}
      </div>
      {status?.enrolled ? (
        <div className="card sync-lists">
          <ConflictList />
          <QuarantineList />
        </div>
      ) : null}
    </section>
  );
}
