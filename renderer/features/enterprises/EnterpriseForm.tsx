import { useEffect, useRef, useState } from 'react';
import { useForm, type Path } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import {
  CREDIT_GRADES,
  EMPTY_ENTERPRISE,
  EnterpriseInputSchema,
  LIST_STATUSES,
  type Enterprise,
  type EnterpriseFormValues,
  type EnterpriseInput,
} from '../../../shared/schemas/enterprise';
import type { ApiError } from '../../../shared/api/result';
import { encodeMessage, tMessage, tOption } from '../../i18n/messages';
import { navigate } from '../../routes/navigation';
import { routeHash } from '../../routes/routes';
import { setUnsaved, showNotice } from '../../store/appStore';
import { formatDateTime } from '../../lib/format';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FormField, controlProps } from '../../components/FormField';
import { RegionOptions } from '../../components/RegionOptions';
import { SAVE_EVENT } from '../../components/useGlobalShortcuts';
import { AuditPanel } from '../audit/AuditPanel';

type TextKey =
  | 'name'
  | 'creditCode'
  | 'address'
  | 'legalRepresentative'
  | 'contactPerson'
  | 'contactPhone'
  | 'licenceType'
  | 'licenceNumber';

const TEXT_FIELDS: {
  key: TextKey;
  max: number;
  required?: boolean;
  wide?: boolean;
  mono?: boolean;
}[] = [
  { key: 'name', max: 200, required: true, wide: true },
  { key: 'creditCode', max: 18, required: true, mono: true },
  { key: 'address', max: 300, required: true, wide: true },
  { key: 'legalRepresentative', max: 50 },
  { key: 'contactPerson', max: 50 },
  { key: 'contactPhone', max: 30 },
  { key: 'licenceType', max: 100 },
  { key: 'licenceNumber', max: 100 },
];

function toFormValues(e: Enterprise | null): EnterpriseFormValues {
  if (!e) return { ...EMPTY_ENTERPRISE };
  const { id: _id, revision: _r, createdAt: _c, updatedAt: _u, ...values } = e;
  return values;
}

export function EnterpriseForm({ enterprise }: { enterprise: Enterprise | null }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState(enterprise);
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isDirty, isSubmitting },
  } = useForm<EnterpriseFormValues, unknown, EnterpriseInput>({
    resolver: zodResolver(EnterpriseInputSchema),
    defaultValues: toFormValues(enterprise),
    mode: 'onTouched',
  });

  useEffect(() => {
    setUnsaved(isDirty);
  }, [isDirty]);
  useEffect(() => () => setUnsaved(false), []);

  const onValid = async (values: EnterpriseInput) => {
    setApiError(null);
    const result = current
      ? await api()['enterprise.update']({
          id: current.id,
          expectedRevision: current.revision,
          values,
        })
      : await api()['enterprise.create'](values);
    if (!result.ok) {
      setApiError(result.error);
      for (const [path, ref] of Object.entries(result.error.fieldErrors ?? {})) {
        // Update nests the values under `values.`; the form's names do not.
        const name = path.replace(/^values\./, '') as Path<EnterpriseFormValues>;
        setError(name, { type: 'server', message: encodeMessage(ref) }, { shouldFocus: true });
      }
      return;
    }
    setUnsaved(false);
    if (!current) {
      showNotice({ key: 'enterprise.created' });
      reset(toFormValues(result.value));
      navigate({ name: 'enterprise', id: result.value.id });
      return;
    }
    showNotice({ key: 'enterprise.updated' });
    setCurrent(result.value);
    reset(toFormValues(result.value));
  };

  useEffect(() => {
    const onSave = () => formRef.current?.requestSubmit();
    window.addEventListener(SAVE_EVENT, onSave);
    return () => window.removeEventListener(SAVE_EVENT, onSave);
  }, []);

  const sampleHere = async () => {
    if (!current) return;
    setBusy(true);
    const result = await api()['spotCheck.create']({ enterpriseId: current.id });
    setBusy(false);
    if (!result.ok) {
      setApiError(result.error);
      return;
    }
    navigate({ name: 'spotCheck', id: result.value.id });
  };

  const err = (key: keyof EnterpriseFormValues) => errors[key]?.message;
  const fieldErrorCount = Object.keys(errors).length;

  return (
    <section className="page page--form" aria-labelledby="page-title">
      <div className="page-head">
        <a className="btn btn-ghost btn-back" href={routeHash({ name: 'enterprises' })}>
          ‹ {t('enterprise.back')}
        </a>
        <h1 id="page-title" className="page-title">
          {current ? t('enterprise.editTitle') : t('enterprise.newTitle')}
        </h1>
        {current ? (
          <span className="muted page-meta">{`${t('enterprise.fields.updatedAt')} ${formatDateTime(current.updatedAt)}`}</span>
        ) : null}
        <div className="page-head-actions">
          {current ? (
            <button
              type="button"
              className="btn"
              onClick={() => void sampleHere()}
              disabled={busy || isDirty}
            >
              {t('enterprise.useForSpotCheck')}
            </button>
          ) : null}
        </div>
      </div>
      <div className="form-scroll">
        <form
          ref={formRef}
          className="card form-card"
          noValidate
          onSubmit={(e) => void handleSubmit(onValid)(e)}
        >
          {apiError ? (
            <ErrorBanner onClose={() => setApiError(null)}>
              {tMessage(t, apiError.message)}
              {fieldErrorCount > 0 && apiError.code === 'VALIDATION'
                ? ` ${t('common.fixFields', { count: fieldErrorCount })}`
                : ''}
            </ErrorBanner>
          ) : null}
          <div className="form-grid">
            {TEXT_FIELDS.map((f) => {
              const id = `ent-${f.key}`;
              return (
                <FormField
                  key={f.key}
                  id={id}
                  label={t(`enterprise.fields.${f.key}`)}
                  required={f.required}
                  wide={f.wide}
                  error={err(f.key)}
                  errorParams={{ max: f.max }}
                >
                  <input
                    type={f.key === 'contactPhone' ? 'tel' : 'text'}
                    className={f.mono ? 'mono upper' : undefined}
                    maxLength={f.max}
                    autoComplete="off"
                    spellCheck={false}
                    {...controlProps(id, err(f.key), f.required)}
                    {...register(f.key)}
                  />
                </FormField>
              );
            })}
            <FormField
              id="ent-regionCode"
              label={t('enterprise.fields.regionCode')}
              required
              error={err('regionCode')}
            >
              <select
                {...controlProps('ent-regionCode', err('regionCode'), true)}
                {...register('regionCode')}
              >
                <RegionOptions />
              </select>
            </FormField>
            <FormField
              id="ent-creditGrade"
              label={t('enterprise.fields.creditGrade')}
              error={err('creditGrade')}
            >
              <select
                {...controlProps('ent-creditGrade', err('creditGrade'))}
                {...register('creditGrade')}
              >
                {CREDIT_GRADES.map((g) => (
                  <option key={g} value={g}>
                    {tOption(t, 'enterprise.creditGrades', g)}
                  </option>
                ))}
              </select>
            </FormField>
            <FormField
              id="ent-listStatus"
              label={t('enterprise.fields.listStatus')}
              error={err('listStatus')}
            >
              <select
                {...controlProps('ent-listStatus', err('listStatus'))}
                {...register('listStatus')}
              >
                {LIST_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {tOption(t, 'enterprise.listStatuses', s)}
                  </option>
                ))}
              </select>
            </FormField>
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
              {isSubmitting ? t('common.saving') : t('common.save')}
            </button>
            <a className="btn" href={routeHash({ name: 'enterprises' })}>
              {t('common.cancel')}
            </a>
          </div>
        </form>
        {current ? (
          <AuditPanel
            entityType="enterprise"
            entityId={current.id}
            refreshKey={current.revision}
            labelFor={(path) => t(`enterprise.fields.${path}`, { defaultValue: path })}
          />
        ) : null}
      </div>
    </section>
  );
}
