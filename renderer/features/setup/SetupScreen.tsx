import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSyncStore } from '../sync/syncStore';
import { ProfileForm } from './ProfileForm';
import { ConnectSetup } from './ConnectSetup';

type Mode = 'local' | 'server';

/**
 * First run, two paths: 单机使用 (just the officer's details, as before) or 连接单位服务器
 * (enroll, sign in, then the same details filled in from the account). Stand-alone is the
 * default so an offline laptop is one form away from work.
 */
export function SetupScreen() {
  const { t } = useTranslation();
  const enrolled = useSyncStore((s) => s.status?.enrolled ?? false);
  const supported = useSyncStore((s) => s.supported);
  const [chosen, setChosen] = useState<Mode | null>(null);
  // A device enrolled in an earlier run resumes on the server path.
  const mode: Mode = chosen ?? (enrolled ? 'server' : 'local');

  return (
    <div className="card setup-card">
      <h1 className="card-title">{t('setup.title')}</h1>
      {supported ? (
        <fieldset className="mode-choice">
          <legend className="sr-only">{t('setup.mode')}</legend>
          {(['local', 'server'] as const).map((m) => (
            <label key={m} className={`mode-option${mode === m ? ' is-active' : ''}`}>
              <input
                type="radio"
                name="setup-mode"
                value={m}
                checked={mode === m}
                onChange={() => setChosen(m)}
                aria-describedby={`setup-mode-${m}-hint`}
              />
              <span className="mode-option-text">
                <span className="mode-option-title">
                  {m === 'local' ? t('setup.modeLocal') : t('setup.modeServer')}
                </span>
              </span>
            </label>
          ))}
          <p className="mode-hint muted" id={`setup-mode-${mode}-hint`}>
            {mode === 'local' ? t('setup.modeLocalHint') : t('setup.modeServerHint')}
          </p>
        </fieldset>
      ) : null}
      {mode === 'local' ? (
        <>
          <p className="muted">{t('setup.intro')}</p>
          <ProfileForm />
        </>
      ) : (
        <ConnectSetup />
      )}
    </div>
  );
}
