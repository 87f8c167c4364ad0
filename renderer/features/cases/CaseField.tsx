import { useContext, type ReactNode } from 'react';
import type { FieldPath } from 'react-hook-form';
import type { CaseData } from '../../../shared/schemas/case';
import { encodeMessage } from '../../i18n/messages';
import { FormField, controlProps } from '../../components/FormField';
import { FieldError } from '../../components/FieldError';
import { caseFieldId, SectionLockContext, useCaseForm } from './caseFormContext';

export type CaseFieldKind =
  'text' | 'textarea' | 'longtext' | 'date' | 'datetime' | 'decimal' | 'phone' | 'select' | 'check';

const INPUT_MODE: Partial<Record<CaseFieldKind, 'decimal' | 'tel'>> = {
  decimal: 'decimal',
  phone: 'tel',
};

/**
 * One field of the case form, bound by its data path. A path the stage has locked is shown
 * disabled with the reason under it; the core's message for the path shows as its error.
 */
export function CaseField({
  path,
  label,
  kind = 'text',
  max,
  options,
  wide,
  hint,
  mono,
}: {
  path: string;
  label: string;
  kind?: CaseFieldKind;
  /** The schema's length limit, so typing stops where the store would refuse. */
  max?: number;
  /** For a select: value and label. */
  options?: readonly (readonly [string, string])[];
  wide?: boolean;
  hint?: ReactNode;
  mono?: boolean;
}) {
  const { register, readOnly, lockOf, lockReason, errorOf } = useCaseForm();
  const sectionLock = useContext(SectionLockContext);
  const id = caseFieldId(path);
  const name = path as FieldPath<CaseData>;
  const ref = errorOf(path);
  const error = ref ? encodeMessage(ref) : undefined;
  const locked = lockReason(path);
  const disabled = readOnly || locked !== null;
  const common = { ...controlProps(id, error), disabled };
  const announced = sectionLock !== null && lockOf(path) === sectionLock;
  const shownHint =
    locked && !readOnly && !announced ? (
      <span className="lock-hint">
        <span className="lock-icon" aria-hidden="true" />
        {locked}
      </span>
    ) : (
      hint
    );

  if (kind === 'check') {
    return (
      <div className={`field field--check${wide ? ' field--wide' : ''}`} data-field={id}>
        <label htmlFor={id} className="check-label">
          <input type="checkbox" {...common} {...register(name)} />
          {label}
        </label>
        {shownHint ? <p className="field-hint">{shownHint}</p> : null}
        <FieldError id={`${id}-error`} message={error} />
      </div>
    );
  }

  let control;
  switch (kind) {
    case 'textarea':
    case 'longtext':
      control = (
        <textarea
          rows={kind === 'longtext' ? 4 : 2}
          className={kind === 'longtext' ? 'grow' : undefined}
          maxLength={max}
          {...common}
          {...register(name)}
        />
      );
      break;
    case 'date':
      control = <input type="date" max="9999-12-31" {...common} {...register(name)} />;
      break;
    case 'datetime':
      control = (
        <input type="datetime-local" max="9999-12-31T23:59" {...common} {...register(name)} />
      );
      break;
    case 'select':
      control = (
        <select {...common} {...register(name)}>
          {(options ?? []).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      );
      break;
    default:
      control = (
        <input
          type="text"
          inputMode={INPUT_MODE[kind]}
          maxLength={max}
          autoComplete="off"
          spellCheck={false}
          className={mono ? 'mono' : undefined}
          {...common}
          {...register(name)}
        />
      );
  }
  return (
    <FormField
      id={id}
      label={label}
      wide={wide || kind === 'longtext'}
      error={error}
      errorParams={max ? { max } : undefined}
      hint={shownHint}
      className={locked ? 'field--locked' : undefined}
    >
      {control}
    </FormField>
  );
}

/** The core's message for a whole list (`parties`, `officers`, `evidence`), under the list. */
export function ListError({ path }: { path: string }) {
  const { errorOf } = useCaseForm();
  const ref = errorOf(path);
  return (
    <FieldError id={`${caseFieldId(path)}-error`} message={ref ? encodeMessage(ref) : undefined} />
  );
}
