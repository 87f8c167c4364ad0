/**
 * The case's single-record sections: 现场检查笔录, 金额, 告知, 处理决定, 执行, 移送. Each is a
 * handful of fields bound by data path; the stage's locks apply per field.
 */
import { useTranslation } from 'react-i18next';
import { CaseField } from '../CaseField';
import { CaseSection } from './CaseSection';
import { CaseSignatures } from './CaseSignatures';

function useLabel(group: string) {
  const { t } = useTranslation();
  return (key: string) => t(`cases.fields.${group}.${key}`);
}

export function OnSiteSection() {
  const l = useLabel('onSite');
  return (
    <CaseSection id="onSite">
      <div className="form-grid">
        <CaseField path="onSite.startedAt" label={l('startedAt')} kind="datetime" />
        <CaseField path="onSite.endedAt" label={l('endedAt')} kind="datetime" />
        <CaseField path="onSite.place" label={l('place')} max={200} />
        <CaseField path="onSite.present" label={l('present')} kind="textarea" max={500} wide />
        <CaseField path="onSite.findings" label={l('findings')} kind="longtext" max={20000} />
      </div>
      <CaseSignatures kind="onSiteRecord" />
    </CaseSection>
  );
}

export function AmountsSection() {
  const l = useLabel('amounts');
  return (
    <CaseSection id="amounts" lockPath="amounts">
      <div className="form-grid">
        <CaseField path="amounts.goodsValue" label={l('goodsValue')} kind="decimal" />
        <CaseField path="amounts.illegalGains" label={l('illegalGains')} kind="decimal" />
        <CaseField path="amounts.fine" label={l('fine')} kind="decimal" />
        <CaseField
          path="amounts.confiscation"
          label={l('confiscation')}
          kind="textarea"
          max={500}
          wide
        />
      </div>
    </CaseSection>
  );
}

export function NoticeSection() {
  const l = useLabel('notice');
  return (
    <CaseSection id="notice" lockPath="notice">
      <div className="form-grid">
        <CaseField path="notice.deliveredAt" label={l('deliveredAt')} kind="date" />
        <CaseField path="notice.statementReceivedAt" label={l('statementReceivedAt')} kind="date" />
        <CaseField path="notice.hearingOffered" label={l('hearingOffered')} kind="check" />
        <CaseField path="notice.waived" label={l('waived')} kind="check" />
        <CaseField path="notice.statement" label={l('statement')} kind="longtext" max={5000} />
      </div>
      <CaseSignatures kind="penaltyNotice" />
    </CaseSection>
  );
}

export function DecisionSection() {
  const l = useLabel('decision');
  return (
    <CaseSection id="decision" lockPath="decision">
      <div className="form-grid">
        <CaseField path="decision.content" label={l('content')} kind="longtext" max={5000} />
        <CaseField path="decision.deliveredAt" label={l('deliveredAt')} kind="date" />
        <CaseField path="decision.deliveryMethod" label={l('deliveryMethod')} max={50} />
      </div>
      <CaseSignatures kind="deliveryReceipt" />
    </CaseSection>
  );
}

export function ExecutionSection() {
  const l = useLabel('execution');
  return (
    <CaseSection id="execution">
      <div className="form-grid">
        <CaseField path="execution.executedAt" label={l('executedAt')} kind="date" />
        <CaseField path="execution.note" label={l('note')} kind="longtext" max={2000} />
      </div>
    </CaseSection>
  );
}

export function TransferSection() {
  const { t } = useTranslation();
  return (
    <CaseSection id="transfer">
      <div className="form-grid">
        <CaseField path="transferTo" label={t('cases.fields.transferTo')} max={200} wide />
      </div>
    </CaseSection>
  );
}
