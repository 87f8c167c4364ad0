import type { ReactNode } from 'react';
import { FieldError } from './FieldError';

/**
 * Label, control and message for one field. The label text is exactly the i18n label so
 * tests and screen readers find fields by their Chinese name.
 */
export function FormField({
  id,
  label,
  required,
  wide,
  error,
  errorParams,
  hint,
  children,
  className,
}: {
  id: string;
  label: string;
  required?: boolean;
  wide?: boolean;
  error?: string;
  errorParams?: Record<string, number>;
  hint?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div
      className={`field${wide ? ' field--wide' : ''}${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}
      data-field={id}
    >
      <div className="field-label">
        <label htmlFor={id}>{label}</label>
        {/* Outside the <label>, so the accessible name is exactly the label text. */}
        {required ? (
          <span className="req" aria-hidden="true">
            *
          </span>
        ) : null}
      </div>
      {children}
      {hint ? <p className="field-hint">{hint}</p> : null}
      <FieldError id={`${id}-error`} message={error} params={errorParams} />
    </div>
  );
}

/** Props that tie a control to its label and message. */
export function controlProps(id: string, error: string | undefined, required?: boolean) {
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    'aria-required': required ? true : undefined,
  } as const;
}
