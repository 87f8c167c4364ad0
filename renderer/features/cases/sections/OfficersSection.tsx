import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Officer } from '../../../../shared/schemas/case';
import { useAppStore } from '../../../store/appStore';
import { useSyncStore } from '../../sync/syncStore';
import { ListError } from '../CaseField';
import { caseFieldId, useCaseForm } from '../caseFormContext';
import { encodeMessage } from '../../../i18n/messages';
import { FieldError } from '../../../components/FieldError';
import { CaseSection, useListEditable } from './CaseSection';
import { confirmRemove } from './confirmRemove';

const MAX_OFFICERS = 10;

/** The user of this laptop as an officer: the sync account if signed in, else the local profile. */
function useMe(): Officer | null {
  const user = useSyncStore((s) => s.status?.user ?? null);
  const profile = useAppStore((s) => s.profile);
  if (user) return { userId: user.id, name: user.name, credentialNumber: user.credentialNumber };
  if (profile)
    return { userId: '', name: profile.name, credentialNumber: profile.credentialNumber };
  return null;
}

/** 承办人: two or more officers with their 执法证号, as the 立案审批表 prints them. */
export function OfficersSection() {
  const { t } = useTranslation();
  const { control, register, getValues, errorOf } = useCaseForm();
  const { fields, append, remove } = useFieldArray({ control, name: 'officers' });
  const officers = useWatch({ control, name: 'officers' });
  const editable = useListEditable('officers');
  const me = useMe();
  const meListed = me !== null && officers.some((o) => o.credentialNumber === me.credentialNumber);

  const cell = (i: number, key: 'name' | 'credentialNumber', label: string, max: number) => {
    const path = `officers.${i}.${key}`;
    const id = caseFieldId(path);
    const ref = errorOf(path);
    const error = ref ? encodeMessage(ref) : undefined;
    return (
      <td className={error ? 'field--invalid' : undefined} data-field={id}>
        <input
          id={id}
          type="text"
          maxLength={max}
          autoComplete="off"
          spellCheck={false}
          className={key === 'credentialNumber' ? 'mono' : undefined}
          aria-label={label}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          {...register(`officers.${i}.${key}`)}
        />
        <FieldError id={`${id}-error`} message={error} params={{ max }} />
      </td>
    );
  };

  return (
    <CaseSection id="officers" lockPath="officers">
      <p className="field-hint">{t('cases.officersHint')}</p>
      <table className="samplers-table">
        <thead>
          <tr>
            <th scope="col" className="samplers-n">
              #
            </th>
            <th scope="col">{t('cases.fields.officer.name')}</th>
            <th scope="col">{t('cases.fields.officer.credentialNumber')}</th>
            <th scope="col" className="samplers-actions">
              <span className="sr-only">{t('cases.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field, i) => {
            const n = i + 1;
            return (
              <tr key={field.id}>
                <td className="samplers-n">{t('cases.officerN', { n })}</td>
                {cell(i, 'name', t('cases.officerName', { n }), 50)}
                {cell(i, 'credentialNumber', t('cases.officerCredential', { n }), 32)}
                <td className="samplers-actions">
                  {editable ? (
                    <button
                      type="button"
                      className="btn btn-small btn-ghost"
                      aria-label={t('cases.removeOfficer', { n })}
                      onClick={() =>
                        void confirmRemove(
                          t('cases.officerN', { n }),
                          getValues(`officers.${i}`),
                        ).then((yes) => yes && remove(i))
                      }
                    >
                      {t('cases.remove')}
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ListError path="officers" />
      {editable ? (
        <div className="list-actions">
          <button
            type="button"
            className="btn btn-small"
            disabled={fields.length >= MAX_OFFICERS}
            onClick={() => append({ userId: '', name: '', credentialNumber: '' })}
          >
            ＋ {t('cases.addOfficer')}
          </button>
          {me && !meListed ? (
            <button
              type="button"
              className="btn btn-small"
              disabled={fields.length >= MAX_OFFICERS}
              onClick={() => append(me)}
            >
              ＋ {t('cases.addMe')}（{me.name}）
            </button>
          ) : null}
        </div>
      ) : null}
    </CaseSection>
  );
}
