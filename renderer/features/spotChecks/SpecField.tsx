import type { UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { FieldSpec } from '../../../shared/schemas/spotCheckFields';
import type { SpotCheckData } from '../../../shared/schemas/spotCheck';
import { tOption } from '../../i18n/messages';
import { FormField, controlProps } from '../../components/FormField';
import { FieldError } from '../../components/FieldError';
import { RegionOptions } from '../../components/RegionOptions';
import { CategoryOptions } from '../../components/CategoryOptions';

/** Same limit as the draft schema, so autosave never trips over length. */
const DRAFT_TEXT_MAX = 1000;

const INPUT_MODE: Partial<Record<FieldSpec['kind'], 'decimal' | 'numeric' | 'tel'>> = {
  decimal: 'decimal',
  integer: 'numeric',
  phone: 'tel',
};

export const fieldId = (group: string, key: string) => `sc-${group}-${key}`;

/** One field of the record, rendered from its spec in spotCheckFields.ts. */
export function SpecField({
  group,
  spec,
  register,
  error,
  required,
  onCategoryChange,
}: {
  group: string;
  spec: FieldSpec;
  register: UseFormRegister<SpotCheckData>;
  error?: string;
  required: boolean;
  onCategoryChange?: (code: string) => void;
}) {
  const { t } = useTranslation();
  const id = fieldId(group, spec.key);
  const name = `${group}.${spec.key}` as Parameters<UseFormRegister<SpotCheckData>>[0];
  const label = t(`fields.${group}.${spec.key}`);
  const max = spec.max ?? (spec.kind === 'creditCode' ? 18 : DRAFT_TEXT_MAX);
  const common = controlProps(id, error, required);

  if (spec.kind === 'boolean') {
    return (
      <div className={`field field--check${spec.wide ? ' field--wide' : ''}`} data-field={id}>
        <label htmlFor={id} className="check-label">
          <input type="checkbox" {...common} {...register(name)} />
          {label}
        </label>
        <FieldError id={`${id}-error`} message={error} />
      </div>
    );
  }

  let control;
  switch (spec.kind) {
    case 'textarea':
      control = <textarea rows={2} maxLength={max} {...common} {...register(name)} />;
      break;
    case 'date':
      control = <input type="date" max="9999-12-31" {...common} {...register(name)} />;
      break;
    case 'region':
      control = (
        <select {...common} {...register(name)}>
          <option value="">{t('common.choose')}</option>
          <RegionOptions />
        </select>
      );
      break;
    case 'category':
      control = (
        <select
          {...common}
          {...register(name, {
            onChange: (e: { target: { value: string } }) => onCategoryChange?.(e.target.value),
          })}
        >
          <option value="">{t('common.choose')}</option>
          <CategoryOptions />
        </select>
      );
      break;
    case 'select':
      control = (
        <select {...common} {...register(name)}>
          <option value="">{t('common.choose')}</option>
          {(spec.options ?? []).map((o) => (
            <option key={o} value={o}>
              {tOption(t, `options.${spec.key}`, o)}
            </option>
          ))}
        </select>
      );
      break;
    default:
      control = (
        <input
          type="text"
          inputMode={INPUT_MODE[spec.kind]}
          maxLength={max}
          autoComplete="off"
          spellCheck={false}
          className={spec.kind === 'creditCode' ? 'mono upper' : undefined}
          {...common}
          {...register(name)}
        />
      );
  }
  return (
    <FormField
      id={id}
      label={label}
      required={required}
      wide={spec.wide}
      error={error}
      errorParams={{ max }}
    >
      {control}
    </FormField>
  );
}
