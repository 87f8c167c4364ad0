import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api } from '../../api/client';
import type { ApiError } from '../../../shared/api/result';
import { SyncLoginSchema, type SyncStatus } from '../../../shared/schemas/sync';
import { tMessage } from '../../i18n/messages';
import { showNotice } from '../../store/appStore';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FormField, controlProps } from '../../components/FormField';
import { applyFieldErrors } from './serverErrors';
import { setSyncStatus } from './syncStore';

type LoginValues = z.input<typeof SyncLoginSchema>;
type LoginParsed = z.output<typeof SyncLoginSchema>;

/** 登录: online the first time; afterwards the core checks a locally kept hash offline. */
export function LoginForm({
  onLoggedIn,
  idPrefix = 'login',
}: {
  onLoggedIn?: (status: SyncStatus) => void;
  idPrefix?: string;
}) {
  const { t } = useTranslation();
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    resetField,
    formState: { errors, isSubmitting },
  } = useForm<LoginValues, unknown, LoginParsed>({
    resolver: zodResolver(SyncLoginSchema),
    defaultValues: { username: '', password: '' },
    mode: 'onTouched',
  });

  const onValid = async (values: LoginParsed) => {
    setApiError(null);
    const result = await api()['sync.login'](values);
    if (!result.ok) {
      applyFieldErrors(result.error, ['username', 'password'], setError);
      setApiError(result.error);
      // A wrong password should not stay on screen (or in memory) longer than needed.
      resetField('password');
      return;
    }
    setSyncStatus(result.value);
    if (result.value.user)
      showNotice({ key: 'sync.loggedIn', params: { name: result.value.user.name } });
    onLoggedIn?.(result.value);
  };

  const uid = `${idPrefix}-username`;
  const pid = `${idPrefix}-password`;
  return (
    <form noValidate onSubmit={(e) => void handleSubmit(onValid)(e)} className="stack-form">
      {apiError ? <ErrorBanner>{tMessage(t, apiError.message)}</ErrorBanner> : null}
      <FormField id={uid} label={t('sync.username')} required error={errors.username?.message}>
        <input
          type="text"
          maxLength={64}
          autoComplete="username"
          spellCheck={false}
          {...controlProps(uid, errors.username?.message, true)}
          {...register('username')}
        />
      </FormField>
      <FormField
        id={pid}
        label={t('sync.password')}
        required
        error={errors.password?.message}
        hint={t('sync.loginHint')}
      >
        <input
          type="password"
          maxLength={256}
          autoComplete="current-password"
          {...controlProps(pid, errors.password?.message, true)}
          {...register('password')}
        />
      </FormField>
      <div className="form-actions form-actions--flush">
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {isSubmitting ? t('sync.loggingIn') : t('sync.login')}
        </button>
      </div>
    </form>
  );
}
