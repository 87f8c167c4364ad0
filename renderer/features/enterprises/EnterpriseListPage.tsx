import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { navigate } from '../../routes/navigation';
import { routeHash } from '../../routes/routes';
import { tOption } from '../../i18n/messages';
import { formatDateTime } from '../../lib/format';
import { regionName } from '../../lib/labels';
import { PagedCache } from '../../lib/pagedCache';
import { SearchBox } from '../../components/SearchBox';
import { VirtualRows } from '../../components/VirtualRows';
import { ListStates } from '../../components/ListStates';
import { RegionOptions } from '../../components/RegionOptions';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import {
  ENTERPRISE_SORTS,
  type EnterpriseListQuery,
  type EnterpriseSummary,
} from '../../../shared/schemas/lists';
import { useRefreshAfterSync } from '../sync/useRefreshAfterSync';
import { LIST_STATUSES } from '../../../shared/schemas/enterprise';

type Filters = Omit<EnterpriseListQuery, 'offset' | 'limit'>;
const DEFAULTS: Filters = { q: '', sort: 'updatedAt', dir: 'desc', regionCode: '', listStatus: '' };
const COLUMNS = 'minmax(12rem,2fr) 12.5rem 6rem minmax(6rem,1fr) 5.5rem 5.5rem 8.5rem';
const ROW_HEIGHT = 38;

function enterpriseCache(filters: Filters): PagedCache<EnterpriseSummary> {
  return new PagedCache((offset, limit) => api()['enterprise.list']({ ...filters, offset, limit }));
}

export function EnterpriseListPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 200);
  const [filters, setFilters] = useState<Filters>(DEFAULTS);
  const cache = useMemo(() => enterpriseCache({ ...filters, q }), [filters, q]);
  useSyncExternalStore(cache.subscribe, cache.getSnapshot);
  useEffect(() => cache.ensure(0, 0), [cache]);
  useRefreshAfterSync(cache);
  const filtered = q !== '' || filters.regionCode !== '' || filters.listStatus !== '';

  const set = <K extends keyof Filters>(key: K, value: Filters[K]) =>
    setFilters((f) => ({ ...f, [key]: value }));
  const none = t('common.none');

  const header = (
    <>
      <span>{t('enterprise.fields.name')}</span>
      <span>{t('enterprise.fields.creditCode')}</span>
      <span>{t('enterprise.fields.regionCode')}</span>
      <span>{t('enterprise.fields.legalRepresentative')}</span>
      <span>{t('enterprise.fields.creditGrade')}</span>
      <span>{t('enterprise.fields.listStatus')}</span>
      <span>{t('enterprise.fields.updatedAt')}</span>
    </>
  );

  const renderRow = (row: EnterpriseSummary) => (
    <a className="vrow" href={routeHash({ name: 'enterprise', id: row.id })}>
      <span className="strong" title={row.address}>
        {row.name}
      </span>
      <span className="mono">{row.creditCode}</span>
      <span>{regionName(lng, row.regionCode)}</span>
      <span>{row.legalRepresentative || none}</span>
      <span>{row.creditGrade ? tOption(t, 'enterprise.creditGrades', row.creditGrade) : none}</span>
      <span>
        {row.listStatus === 'none' || !row.listStatus ? (
          <span className="muted">{tOption(t, 'enterprise.listStatuses', 'none')}</span>
        ) : (
          <span className={`badge ${row.listStatus === 'red' ? 'badge-red' : 'badge-black'}`}>
            {tOption(t, 'enterprise.listStatuses', row.listStatus)}
          </span>
        )}
      </span>
      <span className="mono muted">{formatDateTime(row.updatedAt)}</span>
    </a>
  );

  return (
    <section className="page page--list" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title" className="page-title">
          {t('enterprise.listTitle')}
        </h1>
        <span className="page-count" aria-live="polite">
          {cache.total === null ? '' : t('common.total', { count: cache.total })}
        </span>
        <div className="page-head-actions">
          <a className="btn btn-primary" href={routeHash({ name: 'enterpriseNew' })}>
            ＋ {t('enterprise.new')}
          </a>
        </div>
      </div>
      <div className="toolbar" role="search">
        <div className="toolbar-row">
          <SearchBox
            value={text}
            onChange={setText}
            placeholder={t('enterprise.fields.name') + ' / ' + t('enterprise.fields.creditCode')}
          />
          <label className="tb-field">
            <span>{t('enterprise.fields.regionCode')}</span>
            <select
              value={filters.regionCode}
              onChange={(e) => set('regionCode', e.target.value as Filters['regionCode'])}
            >
              <option value="">{t('common.all')}</option>
              <RegionOptions />
            </select>
          </label>
          <label className="tb-field">
            <span>{t('enterprise.fields.listStatus')}</span>
            <select
              value={filters.listStatus}
              onChange={(e) => set('listStatus', e.target.value as Filters['listStatus'])}
            >
              <option value="">{t('common.all')}</option>
              {LIST_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {tOption(t, 'enterprise.listStatuses', s)}
                </option>
              ))}
            </select>
          </label>
          <label className="tb-field">
            <span>{t('common.sort')}</span>
            <select
              value={filters.sort}
              onChange={(e) => set('sort', e.target.value as Filters['sort'])}
            >
              {ENTERPRISE_SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`enterprise.sorts.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <select
            className="tb-dir"
            aria-label={`${t('common.sort')}：${t('common.asc')}/${t('common.desc')}`}
            value={filters.dir}
            onChange={(e) => set('dir', e.target.value as 'asc' | 'desc')}
          >
            <option value="desc">{t('common.desc')}</option>
            <option value="asc">{t('common.asc')}</option>
          </select>
          {filtered || text !== '' ? (
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() => {
                setText('');
                setFilters(DEFAULTS);
              }}
            >
              {t('common.clear')}
            </button>
          ) : null}
        </div>
      </div>
      <ListStates
        cache={cache}
        filtered={filtered}
        emptyText={t('enterprise.empty')}
        emptyAction={t('enterprise.emptyAction')}
        onEmptyAction={() => navigate({ name: 'enterpriseNew' })}
        noMatchText={t('enterprise.noMatch')}
      />
      {cache.total ? (
        <VirtualRows
          cache={cache}
          label={t('enterprise.listTitle')}
          rowHeight={ROW_HEIGHT}
          columns={COLUMNS}
          header={header}
          renderRow={renderRow}
        />
      ) : null}
    </section>
  );
}
