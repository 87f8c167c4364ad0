import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageRef } from '../../../shared/api/result';
import { tMessage } from '../../i18n/messages';

/**
 * Asks for an opinion before a procedural act: the 承办人意见 of a request, a reviewer's comment.
 * The text stays in the dialog until the act succeeds; a refusal shows inside it, so nothing
 * typed is lost to an error.
 */
export function OpinionDialog({
  title,
  body,
  label,
  placeholder,
  initialText = '',
  required,
  okLabel,
  danger,
  onSubmit,
  onClose,
}: {
  title: string;
  body: string;
  label: string;
  placeholder?: string;
  initialText?: string;
  /** An empty opinion is refused here with the given message (the core checks it again). */
  required: MessageRef | null;
  okLabel: string;
  danger?: boolean;
  /** Resolves null when done (the dialog closes), or the message to show. */
  onSubmit: (text: string) => Promise<MessageRef | null>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const fieldId = useId();
  const [text, setText] = useState(initialText);
  const [error, setError] = useState<MessageRef | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
  }, []);

  const submit = async () => {
    if (required && text.trim() === '') {
      setError(required);
      return;
    }
    setBusy(true);
    const problem = await onSubmit(text.trim());
    setBusy(false);
    if (problem) setError(problem);
    else onClose();
  };

  return (
    <dialog
      ref={ref}
      className="dialog dialog--opinion"
      aria-labelledby={`${fieldId}-title`}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2 id={`${fieldId}-title`} className="dialog-title">
          {title}
        </h2>
        <p className="dialog-body">{body}</p>
        <div className={`field${error ? ' field--invalid' : ''}`}>
          <div className="field-label">
            <label htmlFor={fieldId}>{label}</label>
            {required ? (
              <span className="req" aria-hidden="true">
                *
              </span>
            ) : null}
          </div>
          <textarea
            id={fieldId}
            rows={4}
            maxLength={2000}
            placeholder={placeholder}
            value={text}
            autoFocus
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${fieldId}-error` : undefined}
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
            }}
          />
          {error ? (
            <p className="field-error" id={`${fieldId}-error`} role="alert">
              {tMessage(t, error)}
            </p>
          ) : null}
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            className={`btn ${danger ? 'btn-danger' : 'btn-primary'}`}
            disabled={busy}
          >
            {okLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
