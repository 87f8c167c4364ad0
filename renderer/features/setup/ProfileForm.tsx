import { useState } from 'react';
import { useForm, type Path } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ProfileInputSchema, type ProfileInput } from '../../../shared/schemas/profile';
import type { z } from 'zod';
import type { MessageRef } from '../../../shared/api/result';
import { encodeMessage, tMessage } from '../../i18n/messages';
import { useAppStore } from '../../store/appStore';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FormField, controlProps } from '../../components/FormField';
import { RegionOptions } from '../../components/RegionOptions';

type SetupValues = z.input<typeof ProfileInputSchema>;
const TEXT_FIELDS = [
  { key: 'name', max: 50 },
  { key: 'credentialNumber', max: 32 },
  { key: 'unitName', max: 100 },
] as const;

/**
 * The officer using this laptop, whose name goes on every record. Both first-run paths end
 * here; the server path passes the signed-in user's details as defaults.
 */
export function ProfileForm({ defaults }: { defaults?: Partial<SetupValues> }) {
  const { t } = useTranslation();
  const [apiError, setApiError] = useState<MessageRef | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SetupValues, unknown, ProfileInput>({
    resolver: zodResolver(ProfileInputSchema),
    defaultValues: {
      name: '',
      credentialNumber: '',
      unitName: '',
      regionCode: '210000',
      ...defaults,
    },
    mode: 'onTouched',
  });

  const onValid = async (values: ProfileInput) => {
    setApiError(null);
    const result = await api()['profile.setup'](values);
    if (!result.ok) {
      setApiError(result.error.message);
      for (const [path, ref] of Object.entries(result.error.fieldErrors ?? {})) {
        setError(
          path as Path<SetupValues>,
          { type: 'server', message: encodeMessage(ref) },
          { shouldFocus: true },
        );
      }
      return;
    }
    useAppStore.setState({ profile: result.value });
  };

  return (
    <>
      {apiError ? <ErrorBanner>{tMessage(t, apiError)}</ErrorBanner> : null}
      <form noValidate onSubmit={(e) => void handleSubmit(onValid)(e)} className="setup-form">
        {TEXT_FIELDS.map((f) => {
          const id = `setup-${f.key}`;
          const error = errors[f.key]?.message;
          return (
            <FormField
              key={f.key}
              id={id}
              label={t(`setup.${f.key}`)}
              required
              error={error}
              errorParams={{ max: f.max }}
            >
              <input
                type="text"
                maxLength={f.max}
                autoComplete="off"
                className={f.key === 'credentialNumber' ? 'mono' : undefined}
                autoFocus={f.key === 'name'}
                {...controlProps(id, error, true)}
                {...register(f.key)}
              />
            </FormField>
          );
        })}
        <FormField
          id="setup-regionCode"
          label={t('setup.regionCode')}
          required
          error={errors.regionCode?.message}
        >
          <select
            {...controlProps('setup-regionCode', errors.regionCode?.message, true)}
            {...register('regionCode')}
          >
            <RegionOptions />
          </select>
        </FormField>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary btn-wide" disabled={isSubmitting}>
            {t('setup.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
