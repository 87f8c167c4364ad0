import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api } from '../../api/client';
import type { ApiError } from '../../../shared/api/result';
import { SyncEnrollSchema, type SyncStatus } from '../../../shared/schemas/sync';
import { tMessage } from '../../i18n/messages';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FormField, controlProps } from '../../components/FormField';
import { applyFieldErrors } from './serverErrors';
import { setSyncStatus } from './syncStore';

type EnrollValues = z.input<typeof SyncEnrollSchema>;
type EnrollParsed = z.output<typeof SyncEnrollSchema>;
const FIELDS = ['serverUrl', 'code', 'deviceName'] as const;
const LIMITS = { serverUrl: 300, code: 64, deviceName: 100 } as const;

/** 登记本机: server address, one-time code and a device name; needs the server online once. */
export function EnrollForm({
  defaultDeviceName,
  onEnrolled,
  idPrefix = 'enroll',
}: {
  defaultDeviceName: string;
  onEnrolled?: (status: SyncStatus) => void;
  idPrefix?: string;
}) {
  const { t } = useTranslation();
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<EnrollValues, unknown, EnrollParsed>({
    resolver: zodResolver(SyncEnrollSchema),
    defaultValues: { serverUrl: '', code: '', deviceName: defaultDeviceName },
    mode: 'onTouched',
  });

  const onValid = async (values: EnrollParsed) => {
    setApiError(null);
    const result = await api()['sync.enroll'](values);
    if (!result.ok) {
      applyFieldErrors(result.error, FIELDS, setError);
      setApiError(result.error);
      return;
    }
    setSyncStatus(result.value);
    onEnrolled?.(result.value);
  };

  return (
    <form noValidate onSubmit={(e) => void handleSubmit(onValid)(e)} className="stack-form">
      {apiError ? <ErrorBanner>{tMessage(t, apiError.message)}</ErrorBanner> : null}
      {FIELDS.map((key) => {
        const id = `${idPrefix}-${key}`;
        const error = errors[key]?.message;
        return (
          <FormField
            key={key}
            id={id}
            label={t(`sync.${key}`)}
            required
            error={error}
            errorParams={{ max: LIMITS[key] }}
            hint={t(`sync.${key}Hint`)}
          >
            <input
              type="text"
              maxLength={LIMITS[key]}
              autoComplete="off"
              spellCheck={false}
              inputMode={key === 'serverUrl' ? 'url' : undefined}
              placeholder={key === 'serverUrl' ? 'http://' : undefined}
              className={key === 'deviceName' ? undefined : 'mono'}
              {...controlProps(id, error, true)}
              {...register(key)}
            />
          </FormField>
        );
      })}
      <div className="form-actions form-actions--flush">
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {isSubmitting ? t('sync.enrolling') : t('sync.enroll')}
        </button>
      </div>
    </form>
  );
}
