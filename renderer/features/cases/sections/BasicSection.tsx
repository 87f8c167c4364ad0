import { useTranslation } from 'react-i18next';
import { useWatch } from 'react-hook-form';
import { CASE_SOURCES } from '../../../../shared/schemas/case';
import { CaseField } from '../CaseField';
import { useCaseForm } from '../caseFormContext';
import { CaseSection } from './CaseSection';
import { LinkedSpotChecks } from './LinkedSpotChecks';

/** 基本情况: where the case came from, its 案由 and the day the 立案 period starts. */
export function BasicSection() {
  const { t } = useTranslation();
  const { control } = useCaseForm();
  const linked = useWatch({ control, name: 'linkedSpotCheckIds' });
  const f = (k: string) => t(`cases.fields.${k}`);
  return (
    <CaseSection id="basic">
      <div className="form-grid">
        <CaseField
          path="source"
          label={f('source')}
          kind="select"
          options={(['', ...CASE_SOURCES] as const).map((s) => [s, t(`cases.sources.${s}`)])}
        />
        <CaseField path="sourceRef" label={f('sourceRef')} max={200} hint={f('sourceRefHint')} />
        <CaseField
          path="discoveredAt"
          label={f('discoveredAt')}
          kind="date"
          hint={f('discoveredAtHint')}
        />
        <CaseField path="cause" label={f('cause')} max={200} wide />
      </div>
      <LinkedSpotChecks ids={linked} />
    </CaseSection>
  );
}

/** 案情与依据: the facts found and the provisions the case rests on. */
export function FactsSection() {
  const { t } = useTranslation();
  const f = (k: string) => t(`cases.fields.${k}`);
  return (
    <CaseSection id="facts">
      <div className="form-grid">
        <CaseField path="facts" label={f('facts')} kind="longtext" max={20000} />
        <CaseField path="legalBasis" label={f('legalBasis')} kind="longtext" max={5000} />
        <CaseField path="penaltyBasis" label={f('penaltyBasis')} kind="longtext" max={5000} />
      </div>
    </CaseSection>
  );
}
