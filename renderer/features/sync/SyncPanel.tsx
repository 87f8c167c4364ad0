import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { routeHash } from '../../routes/routes';
import { tMessage } from '../../i18n/messages';
import { closeSyncPanel, useSyncStore } from './syncStore';
import { SyncOverview } from './SyncOverview';
import { QuarantineList } from './QuarantineList';
import { ConflictList } from './ConflictList';
import { RevokedBanner } from './RevokedBanner';
import { AuditChainNotice } from './AuditChainNotice';

/**
 * The drawer the header badge opens. A modal <dialog> for focus trapping and Esc; its content
 * mounts only while open, so the lists are fetched only when someone looks at them.
 */
export function SyncPanel() {
  const open = useSyncStore((s) => s.panelOpen);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="drawer"
      aria-labelledby="sync-panel-title"
      onClose={closeSyncPanel}
      onClick={(e) => {
        // A click on the backdrop (the dialog box itself, outside its content) closes it.
        if (e.target === e.currentTarget) closeSyncPanel();
      }}
    >
      {open ? <SyncPanelBody /> : null}
    </dialog>
  );
}

function SyncPanelBody() {
  const { t } = useTranslation();
  const status = useSyncStore((s) => s.status);
  const supported = useSyncStore((s) => s.supported);
  const readError = useSyncStore((s) => s.readError);

  return (
    <div className="drawer-content">
      <div className="drawer-head">
        <h2 id="sync-panel-title" className="drawer-title">
          {t('sync.panelTitle')}
        </h2>
        <button type="button" className="btn btn-ghost btn-small" onClick={closeSyncPanel}>
          {t('common.close')}
        </button>
      </div>
      <div className="drawer-body">
        <RevokedBanner compact />
        {readError ? <p role="alert">{tMessage(t, readError)}</p> : null}
        {!supported ? <p className="muted">{t('sync.statusUnavailable')}</p> : null}
        {status && !status.enrolled ? (
          <div className="sync-empty-state">
            <p>{t('sync.notEnrolled')}</p>
            <a
              className="btn btn-primary"
              href={routeHash({ name: 'sync' })}
              onClick={closeSyncPanel}
            >
              {t('sync.connect')}
            </a>
          </div>
        ) : null}
        {status?.enrolled && !status.user && !status.revoked ? (
          <div className="banner banner-info">
            <div className="banner-text">{t('sync.indicator.signedOutHint')}</div>
            <a
              className="btn btn-small"
              href={routeHash({ name: 'sync' })}
              onClick={closeSyncPanel}
            >
              {t('sync.login')}
            </a>
          </div>
        ) : null}
        {status?.enrolled ? (
          <>
            <AuditChainNotice />
            <SyncOverview />
            <ConflictList onOpenRecord={closeSyncPanel} />
            <QuarantineList onOpenRecord={closeSyncPanel} />
          </>
        ) : null}
      </div>
      <div className="drawer-foot">
        <a href={routeHash({ name: 'sync' })} onClick={closeSyncPanel}>
          {t('sync.settingsLink')}
        </a>
      </div>
    </div>
  );
}
