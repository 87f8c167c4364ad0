import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAppStore } from '../../store/appStore';
import { navigate } from '../../routes/navigation';
import { routeHash } from '../../routes/routes';
import { tMessage } from '../../i18n/messages';
import { formatDateTime } from '../../lib/format';
import { categoryName, regionName } from '../../lib/labels';
import { SearchBox } from '../../components/SearchBox';
import { VirtualRows } from '../../components/VirtualRows';
import { ListStates } from '../../components/ListStates';
import { StatusBadge } from '../../components/StatusBadge';
import { ErrorBanner } from '../../components/ErrorBanner';
import { RegionOptions } from '../../components/RegionOptions';
import { CategoryOptions } from '../../components/CategoryOptions';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { useRefreshAfterSync } from '../sync/useRefreshAfterSync';
import { SPOT_CHECK_SORTS, type SpotCheckSummary } from '../../../shared/schemas/lists';
import type { MessageRef } from '../../../shared/api/result';
import {
  DEFAULT_FILTERS,
  effectiveFilters,
  isFiltered,
  spotCheckCache,
  type SpotCheckFilters,
} from './listQuery';

const COLUMNS =
  '9rem minmax(8rem,1.3fr) minmax(9rem,1.6fr) minmax(6rem,1fr) 5.5rem 6.5rem 5rem 8.5rem';
const ROW_HEIGHT = 38;

export function SpotCheckListPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const catalog = useAppStore((s) => s.catalog);
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 200);
  const [filters, setFilters] = useState<SpotCheckFilters>(DEFAULT_FILTERS);
  const [createError, setCreateError] = useState<MessageRef | null>(null);
  const [creating, setCreating] = useState(false);

  const rangeInvalid =
    filters.dateFrom !== '' && filters.dateTo !== '' && filters.dateFrom > filters.dateTo;
  const cache = useMemo(() => spotCheckCache(effectiveFilters({ ...filters, q })), [filters, q]);
  useSyncExternalStore(cache.subscribe, cache.getSnapshot);
  useEffect(() => cache.ensure(0, 0), [cache]);
  useRefreshAfterSync(cache);

  const set = <K extends keyof SpotCheckFilters>(key: K, value: SpotCheckFilters[K]) =>
    setFilters((f) => ({ ...f, [key]: value }));

  const createNew = async () => {
    setCreating(true);
    const result = await api()['spotCheck.create']({});
    setCreating(false);
    if (!result.ok) {
      setCreateError(result.error.message);
      return;
    }
    navigate({ name: 'spotCheck', id: result.value.id });
  };

  const header = (
    <>
      <span>{t('spotCheck.columns.recordNumber')}</span>
      <span>{t('spotCheck.columns.sampleName')}</span>
      <span>{t('spotCheck.columns.unitName')}</span>
      <span>{t('spotCheck.columns.category')}</span>
      <span>{t('spotCheck.columns.region')}</span>
      <span>{t('spotCheck.columns.samplingDate')}</span>
      <span>{t('spotCheck.columns.status')}</span>
      <span>{t('spotCheck.columns.updatedAt')}</span>
    </>
  );

  const renderRow = (row: SpotCheckSummary) => {
    const none = t('common.none');
    return (
      <a className="vrow" href={routeHash({ name: 'spotCheck', id: row.id })}>
        <span className="mono">{row.recordNumber || none}</span>
        <span className="strong">{row.sampleName || none}</span>
        <span>{row.unitName || none}</span>
        <span>{row.categoryCode ? categoryName(lng, catalog, row.categoryCode) : none}</span>
        <span>{row.regionCode ? regionName(lng, row.regionCode) : none}</span>
        <span className="mono">{row.samplingDate || none}</span>
        <span>
          <StatusBadge status={row.status} superseded={row.supersededById !== null} />
          {row.version > 1 ? <span className="version-chip">v{row.version}</span> : null}
        </span>
        <span className="mono muted">{formatDateTime(row.updatedAt)}</span>
      </a>
    );
  };

  return (
    <section className="page page--list" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title" className="page-title">
          {t('spotCheck.listTitle')}
        </h1>
        <span className="page-count" aria-live="polite">
          {cache.total === null ? '' : t('common.total', { count: cache.total })}
        </span>
        <div className="page-head-actions">
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void createNew()}
            disabled={creating}
          >
            ＋ {t('spotCheck.new')}
          </button>
        </div>
      </div>
      {createError ? (
        <ErrorBanner onClose={() => setCreateError(null)}>{tMessage(t, createError)}</ErrorBanner>
      ) : null}
      <div className="toolbar" role="search">
        <div className="toolbar-row">
          <SearchBox value={text} onChange={setText} placeholder={t('common.searchPlaceholder')} />
          <label className="tb-field">
            <span>{t('common.sort')}</span>
            <select
              value={filters.sort}
              onChange={(e) => set('sort', e.target.value as SpotCheckFilters['sort'])}
            >
              {SPOT_CHECK_SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`spotCheck.sorts.${s}`)}
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
          {isFiltered({ ...filters, q: text }) ? (
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() => {
                setText('');
                setFilters(DEFAULT_FILTERS);
              }}
            >
              {t('common.clear')}
            </button>
          ) : null}
        </div>
        <div className="toolbar-row">
          <label className="tb-field">
            <span>{t('spotCheck.filters.status')}</span>
            <select
              value={filters.statuses[0] ?? ''}
              onChange={(e) =>
                set('statuses', e.target.value ? [e.target.value as 'draft' | 'submitted'] : [])
              }
            >
              <option value="">{t('common.all')}</option>
              <option value="draft">{t('status.draft')}</option>
              <option value="submitted">{t('status.submitted')}</option>
            </select>
          </label>
          <div className="tb-field" role="group" aria-labelledby="sc-date-range">
            <span id="sc-date-range">{t('spotCheck.filters.samplingDate')}</span>
            <div className="tb-range">
              <input
                type="date"
                aria-label={`${t('spotCheck.filters.samplingDate')} ${t('common.dateFrom')}`}
                value={filters.dateFrom}
                onChange={(e) => set('dateFrom', e.target.value)}
              />
              <span aria-hidden="true">–</span>
              <input
                type="date"
                aria-label={`${t('spotCheck.filters.samplingDate')} ${t('common.dateTo')}`}
                aria-invalid={rangeInvalid || undefined}
                value={filters.dateTo}
                onChange={(e) => set('dateTo', e.target.value)}
              />
            </div>
          </div>
          <label className="tb-field">
            <span>{t('spotCheck.filters.category')}</span>
            <select
              value={filters.categoryCode}
              onChange={(e) => set('categoryCode', e.target.value)}
            >
              <option value="">{t('common.all')}</option>
              <CategoryOptions />
            </select>
          </label>
          <label className="tb-field">
            <span>{t('spotCheck.filters.region')}</span>
            <select
              value={filters.regionCode}
              onChange={(e) => set('regionCode', e.target.value as SpotCheckFilters['regionCode'])}
            >
              <option value="">{t('common.all')}</option>
              <RegionOptions />
            </select>
          </label>
          <label className="tb-check">
            <input
              type="checkbox"
              checked={filters.currentOnly}
              onChange={(e) => set('currentOnly', e.target.checked)}
            />
            {t('spotCheck.filters.currentOnly')}
          </label>
        </div>
      </div>
      {rangeInvalid ? (
        <p className="field-error toolbar-error" role="alert">
          {t('v.dateRange')}
        </p>
      ) : null}
      <ListStates
        cache={cache}
        filtered={isFiltered({ ...filters, q })}
        emptyText={t('spotCheck.empty')}
        emptyAction={t('spotCheck.emptyAction')}
        onEmptyAction={() => void createNew()}
        noMatchText={t('spotCheck.noMatch')}
      />
      {cache.total ? (
        <VirtualRows
          cache={cache}
          label={t('spotCheck.listTitle')}
          rowHeight={ROW_HEIGHT}
          columns={COLUMNS}
          header={header}
          renderRow={renderRow}
        />
      ) : null}
    </section>
  );
}
