import {
  useFieldArray,
  type Control,
  type FieldErrors,
  type UseFormRegister,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MAX_SAMPLERS, MIN_SAMPLERS } from '../../../shared/schemas/spotCheckFields';
import type { SpotCheckData } from '../../../shared/schemas/spotCheck';
import { FieldError } from '../../components/FieldError';

/** Chinese law needs at least two officers on an inspection, each with a credential number. */
export function SamplersSection({
  control,
  register,
  errors,
  readOnly,
}: {
  control: Control<SpotCheckData>;
  register: UseFormRegister<SpotCheckData>;
  errors: FieldErrors<SpotCheckData>['samplers'];
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control, name: 'samplers' });
  const listError = errors?.root?.message ?? errors?.message;

  return (
    <div className="samplers">
      <table className="samplers-table">
        <thead>
          <tr>
            <th scope="col" className="samplers-n">
              #
            </th>
            <th scope="col">
              {t('fields.samplers.name')}
              <span className="req" aria-hidden="true">
                *
              </span>
            </th>
            <th scope="col">
              {t('fields.samplers.credentialNumber')}
              <span className="req" aria-hidden="true">
                *
              </span>
            </th>
            <th scope="col" className="samplers-actions">
              <span className="sr-only">{t('spotCheck.removeSampler')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field, i) => {
            const n = i + 1;
            const nameId = `sc-samplers-${i}-name`;
            const credId = `sc-samplers-${i}-credentialNumber`;
            const nameError = errors?.[i]?.name?.message;
            const credError = errors?.[i]?.credentialNumber?.message;
            return (
              <tr key={field.id}>
                <td className="samplers-n">{t('spotCheck.samplerN', { n })}</td>
                <td className={nameError ? 'field--invalid' : undefined} data-field={nameId}>
                  <input
                    id={nameId}
                    type="text"
                    maxLength={50}
                    autoComplete="off"
                    aria-label={t('spotCheck.samplerName', { n })}
                    aria-invalid={nameError ? true : undefined}
                    aria-describedby={nameError ? `${nameId}-error` : undefined}
                    aria-required
                    {...register(`samplers.${i}.name`)}
                  />
                  <FieldError id={`${nameId}-error`} message={nameError} params={{ max: 50 }} />
                </td>
                <td className={credError ? 'field--invalid' : undefined} data-field={credId}>
                  <input
                    id={credId}
                    type="text"
                    className="mono"
                    maxLength={32}
                    autoComplete="off"
                    spellCheck={false}
                    aria-label={t('spotCheck.samplerCredential', { n })}
                    aria-invalid={credError ? true : undefined}
                    aria-describedby={credError ? `${credId}-error` : undefined}
                    aria-required
                    {...register(`samplers.${i}.credentialNumber`)}
                  />
                  <FieldError id={`${credId}-error`} message={credError} params={{ max: 32 }} />
                </td>
                <td className="samplers-actions">
                  {!readOnly ? (
                    <button
                      type="button"
                      className="btn btn-small btn-ghost"
                      onClick={() => remove(i)}
                      disabled={fields.length <= MIN_SAMPLERS}
                      aria-label={`${t('spotCheck.removeSampler')} ${t('spotCheck.samplerN', { n })}`}
                    >
                      {t('spotCheck.removeSampler')}
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <FieldError id="sc-samplers-error" message={listError} />
      {!readOnly ? (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => append({ name: '', credentialNumber: '' })}
          disabled={fields.length >= MAX_SAMPLERS}
        >
          ＋ {t('spotCheck.addSampler')}
        </button>
      ) : null}
    </div>
  );
}
