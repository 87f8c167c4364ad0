import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAppStore } from '../../store/appStore';
import { EnrollForm } from '../sync/EnrollForm';
import { LoginForm } from '../sync/LoginForm';
import { defaultDeviceName } from '../sync/deviceName';
import { useSyncStore } from '../sync/syncStore';
import { ProfileForm } from './ProfileForm';

/**
 * The server path of first run, as three steps read off the sync status, so a restart in the
 * middle resumes where it stopped: enroll → sign in → the officer's details.
 */
export function ConnectSetup() {
  const { t } = useTranslation();
  const status = useSyncStore((s) => s.status);
  const user = status?.user ?? null;
  const [profileChecked, setProfileChecked] = useState(false);

  // Signing in may already have set up the local profile from the account; if so, we are done.
  useEffect(() => {
    if (!user) return;
    let live = true;
    const check = async () => {
      const r = await api()['profile.get']({});
      if (!live) return;
      if (r.ok && r.value) useAppStore.setState({ profile: r.value });
      else setProfileChecked(true);
    };
    void check();
    return () => {
      live = false;
    };
  }, [user]);

  const step = !status?.enrolled ? 1 : !user ? 2 : 3;
  const title = [t('setup.stepEnroll'), t('setup.stepLogin'), t('setup.stepProfile')][step - 1];

  return (
    <div className="connect-setup">
      <ol className="steps" aria-label={t('setup.modeServer')}>
        {[t('setup.stepEnroll'), t('setup.stepLogin'), t('setup.stepProfile')].map((s, i) => (
          <li
            key={s}
            className={i + 1 === step ? 'is-current' : i + 1 < step ? 'is-done' : ''}
            aria-current={i + 1 === step ? 'step' : undefined}
          >
            <span className="steps-n" aria-hidden="true">
              {i + 1 < step ? '✓' : i + 1}
            </span>
            {s}
          </li>
        ))}
      </ol>
      <h2 className="step-title">
        <span className="sr-only">{t('setup.stepOf', { n: step })}：</span>
        {title}
      </h2>
      {step === 1 ? (
        <>
          <p className="muted">{t('sync.enrollIntro')}</p>
          <EnrollForm idPrefix="setup-enroll" defaultDeviceName={defaultDeviceName(t, undefined)} />
        </>
      ) : null}
      {step === 2 ? (
        <>
          <p className="muted">
            {t('sync.enrolledNotice')} {t('sync.loginIntro')}
          </p>
          <LoginForm idPrefix="setup-login" />
        </>
      ) : null}
      {step === 3 && profileChecked && user ? (
        <>
          <p className="muted">{t('setup.profileFromUser')}</p>
          <ProfileForm
            defaults={{
              name: user.name,
              credentialNumber: user.credentialNumber,
              unitName: user.unitName,
            }}
          />
        </>
      ) : null}
      {step === 3 && !profileChecked ? <p className="muted">{t('common.loading')}</p> : null}
    </div>
  );
}
