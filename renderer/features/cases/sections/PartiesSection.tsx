import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { emptyParty } from '../../../../shared/schemas/case';
import type { EnterpriseSummary } from '../../../../shared/schemas/lists';
import { CaseField, ListError } from '../CaseField';
import { useCaseForm } from '../caseFormContext';
import { CaseSection, useListEditable } from './CaseSection';
import { ItemCardHead } from './ItemCardHead';
import { EnterprisePicker } from './EnterprisePicker';

const MAX_PARTIES = 20;

/** 当事人: enterprises taken from the register, or natural persons typed in. */
export function PartiesSection() {
  const { t } = useTranslation();
  const { control, getValues } = useCaseForm();
  const { fields, append, remove } = useFieldArray({ control, name: 'parties' });
  const kinds = useWatch({ control, name: 'parties' }).map((p) => p.kind);
  const editable = useListEditable('parties');
  const l = (k: string) => t(`cases.fields.party.${k}`);

  const pick = async (e: EnterpriseSummary) => {
    // The list row lacks the phone; the full entry has it.
    const full = await api()['enterprise.get']({ id: e.id });
    const phone = full.ok ? full.value.contactPhone : '';
    append({
      ...emptyParty('enterprise'),
      enterpriseId: e.id,
      name: e.name.slice(0, 100),
      creditCode: e.creditCode,
      legalRepresentative: e.legalRepresentative,
      address: e.address.slice(0, 200),
      phone,
    });
  };

  return (
    <CaseSection id="parties" lockPath="parties">
      {fields.length === 0 ? <p className="muted">{t('cases.noItems')}</p> : null}
      {fields.map((field, i) => {
        const n = i + 1;
        const kind = kinds[i] ?? field.kind;
        const p = `parties.${i}`;
        return (
          <div key={field.id} className="item-card" data-item={p}>
            <ItemCardHead
              title={t('cases.partyN', { n })}
              removeLabel={t('cases.removeParty', { n })}
              editable={editable}
              values={() => getValues(`parties.${i}`)}
              onRemove={() => remove(i)}
            >
              <span className="badge badge-grey">{t(`cases.partyKinds.${kind}`)}</span>
            </ItemCardHead>
            <div className="form-grid">
              <CaseField path={`${p}.name`} label={l('name')} max={100} />
              {kind === 'enterprise' ? (
                <>
                  <CaseField path={`${p}.creditCode`} label={l('creditCode')} max={18} mono />
                  <CaseField
                    path={`${p}.legalRepresentative`}
                    label={l('legalRepresentative')}
                    max={50}
                  />
                </>
              ) : (
                <CaseField path={`${p}.idNumber`} label={l('idNumber')} max={18} mono />
              )}
              <CaseField path={`${p}.phone`} label={l('phone')} kind="phone" max={30} />
              <CaseField path={`${p}.address`} label={l('address')} max={200} wide />
            </div>
          </div>
        );
      })}
      <ListError path="parties" />
      {editable && fields.length < MAX_PARTIES ? (
        <div className="list-actions">
          <EnterprisePicker onPick={(e) => void pick(e)} />
          <button
            type="button"
            className="btn btn-small"
            onClick={() => append(emptyParty('enterprise'))}
          >
            ＋ {t('cases.addParty')}
          </button>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => append(emptyParty('person'))}
          >
            ＋ {t('cases.addPerson')}
          </button>
        </div>
      ) : null}
    </CaseSection>
  );
}
