import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_KINDS, type EvidenceItem } from '../../../../shared/schemas/case';
import { CaseField, ListError } from '../CaseField';
import { useCaseForm } from '../caseFormContext';
import { CaseSection, useListEditable } from './CaseSection';
import { ItemCardHead } from './ItemCardHead';

const MAX_EVIDENCE = 500;

/** 证据: each item with its kind, name and what it shows (carried over items keep their file). */
export function EvidenceSection() {
  const { t } = useTranslation();
  const { control, getValues } = useCaseForm();
  const { fields, append, remove } = useFieldArray({ control, name: 'evidence', keyName: 'key' });
  const editable = useListEditable('evidence');
  const l = (k: string) => t(`cases.fields.evidence.${k}`);
  const kinds = EVIDENCE_KINDS.map((k) => [k, t(`cases.evidenceKinds.${k}`)] as const);

  const add = () => {
    const item: EvidenceItem = {
      id: crypto.randomUUID(),
      kind: 'document',
      title: '',
      description: '',
      attachmentSha256: '',
      collectedAt: '',
    };
    append(item);
  };

  return (
    <CaseSection id="evidence" lockPath="evidence">
      {fields.length === 0 ? <p className="muted">{t('cases.noItems')}</p> : null}
      {fields.map((field, i) => {
        const n = i + 1;
        const p = `evidence.${i}`;
        return (
          <div key={field.key} className="item-card" data-item={p}>
            <ItemCardHead
              title={t('cases.evidenceN', { n })}
              removeLabel={t('cases.removeEvidence', { n })}
              editable={editable}
              values={() => getValues(`evidence.${i}`)}
              onRemove={() => remove(i)}
            >
              {field.attachmentSha256 ? (
                <span className="badge badge-green">{t('cases.hasAttachment')}</span>
              ) : null}
            </ItemCardHead>
            <div className="form-grid">
              <CaseField path={`${p}.kind`} label={l('kind')} kind="select" options={kinds} />
              <CaseField path={`${p}.title`} label={l('title')} max={200} />
              <CaseField path={`${p}.collectedAt`} label={l('collectedAt')} kind="date" />
              <CaseField
                path={`${p}.description`}
                label={l('description')}
                kind="textarea"
                max={2000}
                wide
              />
            </div>
          </div>
        );
      })}
      <ListError path="evidence" />
      {editable ? (
        <div className="list-actions">
          <button
            type="button"
            className="btn btn-small"
            disabled={fields.length >= MAX_EVIDENCE}
            onClick={add}
          >
            ＋ {t('cases.addEvidence')}
          </button>
        </div>
      ) : null}
    </CaseSection>
  );
}
