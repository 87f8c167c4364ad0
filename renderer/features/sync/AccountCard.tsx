import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { MessageRef } from '../../../shared/api/result';
import { tMessage } from '../../i18n/messages';
import { showNotice, useAppStore } from '../../store/appStore';
import { refreshProfile } from '../../store/boot';
import { ErrorBanner } from '../../components/ErrorBanner';
import { EnrollForm } from './EnrollForm';
import { LoginForm } from './LoginForm';
import { defaultDeviceName } from './deviceName';
import { setSyncStatus, useSyncStore } from './syncStore';

/**
 * 服务器与账号: enroll when not enrolled; otherwise who and where, with 登录 / 退出登录.
 * Enrollment is for good (an admin revokes devices), so there is no "un-enroll" here.
 */
export function AccountCard() {
  const { t } = useTranslation();
  const status = useSyncStore((s) => s.status);
  const profileName = useAppStore((s) => s.profile?.name);
  const [error, setError] = useState<MessageRef | null>(null);
  const [busy, setBusy] = useState(false);
  const none = t('common.none');

  const logout = async () => {
    setBusy(true);
    setError(null);
    const result = await api()['sync.logout']({});
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setSyncStatus(result.value);
    showNotice({ key: 'sync.loggedOut' });
  };

  if (!status) return null;
  if (!status.enrolled) {
    return (
      <div className="card sync-account">
        <h2 className="section-title">{t('sync.account')}</h2>
        <p className="muted">{t('sync.enrollIntro')}</p>
        {/* Enrolling takes the account's details as this laptop's officer. */}
        <EnrollForm
          defaultDeviceName={defaultDeviceName(t, profileName)}
          onEnrolled={() => void refreshProfile()}
        />
      </div>
    );
  }
  const user = status.user;
  return (
    <div className="card sync-account">
      <h2 className="section-title">{t('sync.account')}</h2>
      {error ? (
        <ErrorBanner onClose={() => setError(null)}>{tMessage(t, error)}</ErrorBanner>
      ) : null}
      <dl className="kv">
        <dt>{t('sync.device')}</dt>
        <dd>
          {status.device?.name ?? none}
          {status.device ? (
            <span className="mono muted"> · {status.device.id.slice(0, 8)}</span>
          ) : null}
        </dd>
        <dt>{t('sync.server')}</dt>
        <dd className="mono break">{status.serverUrl ?? none}</dd>
        <dt>{t('sync.user')}</dt>
        <dd>
          {user ? (
            <>
              <span className="strong">{user.name}</span>
              <span className="muted"> （{user.username}）</span>{' '}
              <span className="badge badge-grey">{t(`sync.roles.${user.role}`)}</span>
            </>
          ) : (
            <span className="text-amber">{t('sync.noUser')}</span>
          )}
        </dd>
        {user ? (
          <>
            <dt>{t('sync.unit')}</dt>
            <dd>{user.unitName}</dd>
          </>
        ) : null}
      </dl>
      {user ? (
        <div className="form-actions">
          <button type="button" className="btn" onClick={() => void logout()} disabled={busy}>
            {t('sync.logout')}
          </button>
        </div>
      ) : (
        <div className="sync-login">
          <p className="muted">{t('sync.loginIntro')}</p>
          <LoginForm onLoggedIn={() => void refreshProfile()} />
        </div>
      )}
    </div>
  );
}
