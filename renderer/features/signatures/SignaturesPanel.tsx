/**
 * The signatures given for one form (documentKind, and for per-item forms the item): who signed
 * and their signature, or who refused with the reason and the witness. 签名 opens the dialog;
 * the new entry is appended to the record's `signatures` through `onChange`, which the page
 * saves with the record the usual way (the spot check's draft save, case.save for a case).
 *
 * `value` is the record's whole list: entries for other forms pass through untouched.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentOwnerType } from '../../../shared/schemas/sync';
import type { Signature } from '../../../shared/schemas/signature';
import { formatDateTime } from '../../lib/format';
import { askConfirm } from '../../store/appStore';
import { SignatureDialog } from './SignatureDialog';
import { SignatureImage } from './SignatureImage';

export interface SignaturesPanelProps {
  ownerType: AttachmentOwnerType;
  ownerId: string;
  /** The form the signatures are given for (shared/documents/kinds.ts), e.g. `samplingSheet`. */
  documentKind: string;
  /** For per-item forms (one inquiry, one measure): the item's id. */
  itemId?: string;
  value: readonly Signature[];
  /** Resolves true once the record with the new list is saved (the dialog stays open otherwise). */
  onChange: (next: Signature[]) => Promise<boolean> | boolean;
  readOnly?: boolean;
}

export function SignaturesPanel({
  ownerType,
  ownerId,
  documentKind,
  itemId = '',
  value,
  onChange,
  readOnly = false,
}: SignaturesPanelProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const mine = value.filter((s) => s.documentKind === documentKind && s.itemId === itemId);

  const remove = async (s: Signature) => {
    const confirmed = await askConfirm({
      title: t('signatures.removeTitle'),
      body: t('signatures.removeConfirm', { role: t(`signatures.roles.${s.role}`), name: s.name }),
      okLabel: t('signatures.remove'),
      cancelLabel: t('common.cancel'),
    });
    if (confirmed) await onChange(value.filter((x) => x.id !== s.id));
  };

  return (
    <div className="signatures-panel" data-document-kind={documentKind}>
      {mine.length === 0 ? <p className="muted">{t('signatures.none')}</p> : null}
      <ul className="signature-list">
        {mine.map((s) => (
          <li key={s.id} className="signature-item" data-signature-id={s.id}>
            <div className="signature-who">
              <span className="signature-role">{t(`signatures.roles.${s.role}`)}</span>
              <span className="signature-name">{s.name}</span>
            </div>
            {s.refused ? (
              <p className="signature-refusal">
                {t('signatures.refusedLine', {
                  name: s.name,
                  reason: s.refusalReason,
                  witness: s.witness,
                })}
              </p>
            ) : (
              <SignatureImage
                sha256={s.attachmentSha256}
                alt={t('signatures.imageAlt', { name: s.name })}
              />
            )}
            {s.signedAt ? (
              <span className="signature-time muted">
                {t('signatures.signedAt', { time: formatDateTime(s.signedAt) })}
              </span>
            ) : null}
            {readOnly ? null : (
              <button
                type="button"
                className="btn btn-small btn-ghost"
                onClick={() => void remove(s)}
              >
                {t('signatures.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {readOnly ? null : (
        <button type="button" className="btn" onClick={() => setOpen(true)}>
          {t('signatures.sign')}
        </button>
      )}
      {open ? (
        <SignatureDialog
          ownerType={ownerType}
          ownerId={ownerId}
          documentKind={documentKind}
          itemId={itemId}
          onDone={(entry) => onChange([...value, entry])}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </div>
  );
}
