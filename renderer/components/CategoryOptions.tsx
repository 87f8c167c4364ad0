import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/appStore';
import { nameIn } from '../lib/labels';

/**
 * One optgroup per category holding the category itself and its products, because a
 * record's categoryCode may name either (e.g. 'FOOD' or 'FOOD-INFANT').
 */
export function CategoryOptions() {
  const { i18n } = useTranslation();
  const catalog = useAppStore((s) => s.catalog);
  const lng = i18n.language;
  return (
    <>
      {catalog.map((cat) => (
        <optgroup key={cat.code} label={nameIn(lng, cat)}>
          <option value={cat.code}>{nameIn(lng, cat)}</option>
          {cat.products.map((p) => (
            <option key={p.code} value={p.code}>
              {`\u3000${nameIn(lng, p)}`}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
