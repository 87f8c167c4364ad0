/**
 * 签名: who signs (role and name), then either the signature drawn on the pad — saved as a PNG
 * attachment of the record — or a refusal to sign with its reason and a witness. The entry goes
 * back to the panel, which saves it with the record. Whatever was typed or drawn stays in the
 * dialog when saving fails, so it can be tried again.
 */
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { MessageRef } from '../../../shared/api/result';
import type { AttachmentOwnerType } from '../../../shared/schemas/sync';
import { SIGNER_ROLES, type Signature, type SignerRole } from '../../../shared/schemas/signature';
import { controlProps, FormField } from '../../components/FormField';
import { encodeMessage, tMessage } from '../../i18n/messages';
import { exportPng, isBlank, type Stroke } from './padModel';
import { SignaturePad } from './SignaturePad';
import {
  draftProblems,
  signatureEntry,
  type DraftErrors,
  type SignatureDraft,
} from './signatureEntry';

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}

const field = (errors: DraftErrors, key: keyof DraftErrors) => {
  const e = errors[key];
  return e ? encodeMessage(e) : undefined;
};

export function SignatureDialog({
  ownerType,
  ownerId,
  documentKind,
  itemId,
  onDone,
  onClose,
}: {
  ownerType: AttachmentOwnerType;
  ownerId: string;
  documentKind: string;
  itemId: string;
  /** The new entry; the caller adds it to the record and saves. */
  onDone: (entry: Signature) => Promise<boolean> | boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState<SignatureDraft>({
    role: '',
    name: '',
    refused: false,
    refusalReason: '',
    witness: '',
  });
  const [strokes, setStrokes] = useState<Stroke[]>([]);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [failure, setFailure] = useState<MessageRef | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (dialogRef.current && !dialogRef.current.open) dialogRef.current.showModal();
  }, []);

  const set = <K extends keyof SignatureDraft>(key: K, value: SignatureDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const save = async () => {
    const problems = draftProblems(draft, isBlank(strokes));
    setErrors(problems);
    setFailure(null);
    if (Object.values(problems).some(Boolean) || draft.role === '') return;
    setBusy(true);
    try {
      let image: { sha256: string } | null = null;
      if (!draft.refused) {
        const png = await exportPng(strokes);
        if (!png) return setErrors({ pad: { key: 'signatures.padEmpty' } });
        const added = await api()['attachments.add']({
          ownerType,
          ownerId,
          fileName: t('signatures.fileName', {
            role: t(`signatures.roles.${draft.role}`),
            name: draft.name.trim(),
          }),
          mimeType: 'image/png',
          dataBase64: toBase64(png),
        });
        if (!added.ok) return setFailure(added.error.message);
        image = { sha256: added.value.sha256 };
      }
      const entry = signatureEntry(
        { ...draft, role: draft.role },
        { documentKind, itemId },
        image,
        new Date(),
      );
      if (await onDone(entry)) onClose();
      else setFailure({ key: 'signatures.notSaved' });
    } finally {
      setBusy(false);
    }
  };

  // In a portal: the panel sits inside the record's own <form>, and forms must not nest.
  return createPortal(
    <dialog
      ref={dialogRef}
      className="dialog dialog--signature"
      aria-labelledby="signature-title"
      onClose={onClose}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          // React bubbles through portals: the record's form must not take this submit as its own.
          e.stopPropagation();
          void save();
        }}
      >
        <h2 id="signature-title" className="dialog-title">
          {t('signatures.dialogTitle')}
        </h2>
        <div className="signature-form">
          <FormField
            id="sig-role"
            label={t('signatures.role')}
            required
            error={field(errors, 'role')}
          >
            <select
              {...controlProps('sig-role', field(errors, 'role'), true)}
              value={draft.role}
              onChange={(e) => set('role', e.target.value as SignerRole | '')}
            >
              <option value="">{t('signatures.choose')}</option>
              {SIGNER_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`signatures.roles.${r}`)}
                </option>
              ))}
            </select>
          </FormField>
          <FormField
            id="sig-name"
            label={t('signatures.name')}
            required
            error={field(errors, 'name')}
          >
            <input
              {...controlProps('sig-name', field(errors, 'name'), true)}
              type="text"
              value={draft.name}
              maxLength={60}
              onChange={(e) => set('name', e.target.value)}
            />
          </FormField>
          <fieldset className="signature-mode">
            <legend>{t('signatures.mode')}</legend>
            <label>
              <input
                type="radio"
                name="sig-mode"
                checked={!draft.refused}
                onChange={() => set('refused', false)}
              />
              {t('signatures.modeSign')}
            </label>
            <label>
              <input
                type="radio"
                name="sig-mode"
                checked={draft.refused}
                onChange={() => set('refused', true)}
              />
              {t('signatures.modeRefuse')}
            </label>
          </fieldset>
          {draft.refused ? (
            <>
              <FormField
                id="sig-reason"
                label={t('signatures.refusalReason')}
                required
                wide
                error={field(errors, 'refusalReason')}
              >
                <textarea
                  {...controlProps('sig-reason', field(errors, 'refusalReason'), true)}
                  rows={3}
                  value={draft.refusalReason}
                  onChange={(e) => set('refusalReason', e.target.value)}
                />
              </FormField>
              <FormField
                id="sig-witness"
                label={t('signatures.witness')}
                required
                error={field(errors, 'witness')}
              >
                <input
                  {...controlProps('sig-witness', field(errors, 'witness'), true)}
                  type="text"
                  value={draft.witness}
                  maxLength={60}
                  onChange={(e) => set('witness', e.target.value)}
                />
              </FormField>
            </>
          ) : (
            <div className={`field field--wide${errors.pad ? ' field--invalid' : ''}`}>
              <SignaturePad
                strokes={strokes}
                disabled={busy}
                onStrokes={(next) => {
                  setStrokes(next);
                  setErrors((e) => ({ ...e, pad: undefined }));
                }}
              />
              {errors.pad ? (
                <p className="field-error" role="alert">
                  {tMessage(t, errors.pad)}
                </p>
              ) : null}
            </div>
          )}
        </div>
        {failure ? (
          <p className="field-error" role="alert">
            {tMessage(t, failure)}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t('signatures.saving') : t('signatures.save')}
          </button>
        </div>
      </form>
    </dialog>,
    document.body,
  );
}
