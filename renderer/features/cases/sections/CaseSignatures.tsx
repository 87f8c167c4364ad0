/**
 * The signatures given on one of the case's forms (and, for per-item forms, one inquiry or one
 * measure): drawn on screen or refused with reason and witness, saved with the case.
 */
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../../shared/documents/kinds';
import { SignaturesPanel } from '../../signatures/SignaturesPanel';
import { useCaseForm } from '../caseFormContext';

export function CaseSignatures({ kind, itemId }: { kind: DocumentKind; itemId?: string }) {
  const { t, i18n } = useTranslation();
  const def = DOCUMENT_KINDS.find((k) => k.kind === kind);
  const form = def ? (i18n.language.startsWith('en') ? def.en : def.zh) : kind;
  const { control, readOnly, caseId, saveSignatures } = useCaseForm();
  const value = useWatch({ control, name: 'signatures' });
  return (
    <div className="case-signatures">
      <h4 className="subsection-title">{t('cases.signaturesFor', { form })}</h4>
      <SignaturesPanel
        ownerType="case"
        ownerId={caseId}
        documentKind={kind}
        {...(itemId ? { itemId } : {})}
        value={value}
        readOnly={readOnly}
        onChange={saveSignatures}
      />
    </div>
  );
}
