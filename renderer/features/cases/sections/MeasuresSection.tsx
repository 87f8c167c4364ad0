import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MEASURE_KINDS, type Measure } from '../../../../shared/schemas/case';
import { CaseField } from '../CaseField';
import { useCaseForm } from '../caseFormContext';
import { CaseSignatures } from './CaseSignatures';
import { CaseSection, useListEditable } from './CaseSection';
import { ItemCardHead } from './ItemCardHead';
import { GoodsTable } from './GoodsTable';

const MAX_MEASURES = 50;

/** 查封扣押: each measure with its place, period (the deadline panel counts it) and goods list. */
export function MeasuresSection() {
  const { t } = useTranslation();
  const { control, getValues } = useCaseForm();
  const { fields, append, remove } = useFieldArray({ control, name: 'measures', keyName: 'key' });
  const editable = useListEditable('measures');
  const l = (k: string) => t(`cases.fields.measure.${k}`);
  const kinds = MEASURE_KINDS.map((k) => [k, t(`cases.measureKinds.${k}`)] as const);

  const add = () => {
    const m: Measure = {
      id: crypto.randomUUID(),
      kind: 'seal',
      place: '',
      startDate: '',
      endDate: '',
      extendedTo: '',
      releasedAt: '',
      items: [],
    };
    append(m);
  };

  return (
    <CaseSection id="measures" lockPath="measures">
      {fields.length === 0 ? <p className="muted">{t('cases.noItems')}</p> : null}
      {fields.map((field, i) => {
        const n = i + 1;
        const p = `measures.${i}`;
        return (
          <div key={field.key} className="item-card" data-item={p}>
            <ItemCardHead
              title={t('cases.measureN', { n })}
              removeLabel={t('cases.removeMeasure', { n })}
              editable={editable}
              values={() => getValues(`measures.${i}`)}
              onRemove={() => remove(i)}
            />
            <div className="form-grid">
              <CaseField path={`${p}.kind`} label={l('kind')} kind="select" options={kinds} />
              <CaseField path={`${p}.place`} label={l('place')} max={200} />
              <CaseField path={`${p}.startDate`} label={l('startDate')} kind="date" />
              <CaseField path={`${p}.endDate`} label={l('endDate')} kind="date" />
              <CaseField path={`${p}.extendedTo`} label={l('extendedTo')} kind="date" />
              <CaseField path={`${p}.releasedAt`} label={l('releasedAt')} kind="date" />
            </div>
            <h4 className="subsection-title">{t('cases.measureItems')}</h4>
            <GoodsTable path={`${p}.items`} editable={editable} />
            <CaseSignatures kind="measureDecision" itemId={field.id} />
          </div>
        );
      })}
      {editable ? (
        <div className="list-actions">
          <button
            type="button"
            className="btn btn-small"
            disabled={fields.length >= MAX_MEASURES}
            onClick={add}
          >
            ＋ {t('cases.addMeasure')}
          </button>
        </div>
      ) : null}
    </CaseSection>
  );
}
