import { api } from '../../api/client';
import { PagedCache } from '../../lib/pagedCache';
import type { CaseListQuery, CaseSummary } from '../../../shared/api/caseContract';

export type CaseFilters = Omit<CaseListQuery, 'offset' | 'limit'>;

/** Nearest deadline first: what an inspector must act on comes to the top. */
export const DEFAULT_CASE_FILTERS: CaseFilters = {
  q: '',
  stages: [],
  sort: 'deadline',
  dir: 'asc',
  pendingOnly: false,
};

export function isCaseFiltered(f: CaseFilters): boolean {
  return f.q !== '' || f.stages.length > 0 || f.pendingOnly;
}

export function caseCache(filters: CaseFilters): PagedCache<CaseSummary> {
  return new PagedCache((offset, limit) => api()['case.list']({ ...filters, offset, limit }));
}
