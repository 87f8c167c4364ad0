import { useTranslation } from 'react-i18next';
import { LIAONING_REGIONS } from '../../shared/domain/regions';
import { nameIn } from '../lib/labels';

/** <option>s for Liaoning's divisions; the caller supplies any "all"/"choose" entry. */
export function RegionOptions() {
  const { i18n } = useTranslation();
  return (
    <>
      {LIAONING_REGIONS.map((r) => (
        <option key={r.code} value={r.code}>
          {nameIn(i18n.language, r)}
        </option>
      ))}
    </>
  );
}
