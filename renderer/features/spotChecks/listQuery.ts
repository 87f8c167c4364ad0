import { api } from '../../api/client';
import { PagedCache } from '../../lib/pagedCache';
import type { SpotCheckListQuery, SpotCheckSummary } from '../../../shared/schemas/lists';

export type SpotCheckFilters = Omit<SpotCheckListQuery, 'offset' | 'limit'>;

export const DEFAULT_FILTERS: SpotCheckFilters = {
  q: '',
  sort: 'updatedAt',
  dir: 'desc',
  statuses: [],
  dateFrom: '',
  dateTo: '',
  categoryCode: '',
  regionCode: '',
  currentOnly: false,
};

export function isFiltered(f: SpotCheckFilters): boolean {
  return (
    f.q !== '' ||
    f.statuses.length > 0 ||
    f.dateFrom !== '' ||
    f.dateTo !== '' ||
    f.categoryCode !== '' ||
    f.regionCode !== '' ||
    f.currentOnly
  );
}

/** A date range that ends before it starts is shown as an error, not sent. */
export function effectiveFilters(f: SpotCheckFilters): SpotCheckFilters {
  const rangeInvalid = f.dateFrom !== '' && f.dateTo !== '' && f.dateFrom > f.dateTo;
  return rangeInvalid ? { ...f, dateTo: '' } : f;
}

export function spotCheckCache(filters: SpotCheckFilters): PagedCache<SpotCheckSummary> {
  return new PagedCache((offset, limit) => api()['spotCheck.list']({ ...filters, offset, limit }));
}
