import { useTranslation } from 'react-i18next';
import { CaseField } from '../CaseField';
import { CaseSection, useListEditable } from './CaseSection';
import { GoodsTable } from './GoodsTable';

/** 涉案产品与物品: the product the case is about, and the goods list. */
export function ProductSection() {
  const { t } = useTranslation();
  const editable = useListEditable('goods');
  const l = (k: string) => t(`cases.fields.product.${k}`);
  return (
    <CaseSection id="product">
      <div className="form-grid">
        <CaseField path="product.name" label={l('name')} max={100} />
        <CaseField path="product.brand" label={l('brand')} max={100} />
        <CaseField path="product.model" label={l('model')} max={100} />
        <CaseField path="product.batchNumber" label={l('batchNumber')} max={100} />
        <CaseField path="product.quantity" label={l('quantity')} kind="decimal" max={17} />
        <CaseField path="product.unit" label={l('unit')} max={20} />
      </div>
      <h4 className="subsection-title">{t('cases.goodsTitle')}</h4>
      <GoodsTable path="goods" editable={editable} />
    </CaseSection>
  );
}
