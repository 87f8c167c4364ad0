import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { GoodsItem } from '../../../../shared/schemas/case';
import { encodeMessage } from '../../../i18n/messages';
import { FieldError } from '../../../components/FieldError';
import { caseFieldId, useCaseForm } from '../caseFormContext';
import { confirmRemove } from './confirmRemove';

const MAX_ITEMS = 500;
const COLUMNS: { key: keyof GoodsItem; max: number; numeric?: boolean }[] = [
  { key: 'name', max: 100 },
  { key: 'spec', max: 100 },
  { key: 'quantity', max: 17, numeric: true },
  { key: 'unit', max: 20 },
  { key: 'value', max: 17, numeric: true },
  { key: 'note', max: 200 },
];

const blankItem = (): GoodsItem => ({
  name: '',
  spec: '',
  quantity: '',
  unit: '',
  value: '',
  note: '',
});

/**
 * 涉案物品清单: the goods of the case, or of one 查封/扣押 measure (`path` = `goods` or
 * `measures.N.items`). One row per line, as on the printed list.
 */
export function GoodsTable({ path, editable }: { path: string; editable: boolean }) {
  const { t } = useTranslation();
  const { control, register, getValues, errorOf } = useCaseForm();
  // One component for both lists: the path is a goods array either way.
  const { fields, append, remove } = useFieldArray({ control, name: path as 'goods' });
  const label = (k: string) => t(`cases.fields.goods.${k}`);

  return (
    <div className="goods">
      <table className="goods-table">
        <thead>
          <tr>
            <th scope="col" className="samplers-n">
              #
            </th>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" className={`col-${c.key}${c.numeric ? ' num' : ''}`}>
                {label(c.key)}
              </th>
            ))}
            <th scope="col" className="samplers-actions">
              <span className="sr-only">{t('cases.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field, i) => {
            const n = i + 1;
            return (
              <tr key={field.id}>
                <td className="samplers-n">{n}</td>
                {COLUMNS.map((c) => {
                  const p = `${path}.${i}.${c.key}`;
                  const id = caseFieldId(p);
                  const ref = errorOf(p);
                  const error = ref ? encodeMessage(ref) : undefined;
                  return (
                    <td
                      key={c.key}
                      className={error ? 'field--invalid' : undefined}
                      data-field={id}
                    >
                      <input
                        id={id}
                        type="text"
                        maxLength={c.max}
                        inputMode={c.numeric ? 'decimal' : undefined}
                        autoComplete="off"
                        className={c.numeric ? 'num' : undefined}
                        aria-label={`${t('cases.goodsN', { n })} ${label(c.key)}`}
                        aria-invalid={error ? true : undefined}
                        {...register(p as 'goods.0.name')}
                      />
                      <FieldError id={`${id}-error`} message={error} params={{ max: c.max }} />
                    </td>
                  );
                })}
                <td className="samplers-actions">
                  {editable ? (
                    <button
                      type="button"
                      className="btn btn-small btn-ghost"
                      aria-label={t('cases.removeGoods', { n })}
                      onClick={() =>
                        void confirmRemove(
                          t('cases.goodsN', { n }),
                          getValues(`${path}.${i}` as 'goods.0'),
                        ).then((yes) => yes && remove(i))
                      }
                    >
                      {t('cases.remove')}
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {fields.length === 0 ? <p className="muted">{t('cases.noItems')}</p> : null}
      {editable ? (
        <button
          type="button"
          className="btn btn-small"
          disabled={fields.length >= MAX_ITEMS}
          onClick={() => append(blankItem())}
        >
          ＋ {t('cases.addGoods')}
        </button>
      ) : null}
    </div>
  );
}
