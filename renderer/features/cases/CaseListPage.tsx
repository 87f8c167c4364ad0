import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { navigate } from '../../routes/navigation';
import { routeHash } from '../../routes/routes';
import { tMessage } from '../../i18n/messages';
import { formatDateTime } from '../../lib/format';
import { SearchBox } from '../../components/SearchBox';
import { VirtualRows } from '../../components/VirtualRows';
import { ListStates } from '../../components/ListStates';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { useRefreshAfterSync } from '../sync/useRefreshAfterSync';
import { CASE_SORTS, type CaseSummary } from '../../../shared/api/caseContract';
import { CASE_STAGES, type CaseStage } from '../../../shared/domain/case/stages';
import type { MessageRef } from '../../../shared/api/result';
import { showNotice } from '../../store/appStore';
import { DeadlineBadge } from './DeadlineBadge';
import { StageBadge } from './StageBadge';
import { caseCache, DEFAULT_CASE_FILTERS, isCaseFiltered, type CaseFilters } from './caseListQuery';

const COLUMNS =
  'minmax(10rem,1.6fr) minmax(8rem,1.3fr) minmax(7rem,1fr) minmax(9rem,1.1fr) 9.5rem 5.5rem 8.5rem';
const ROW_HEIGHT = 40;

/** 案件: every case of this laptop's user (a supervisor's: the unit's), nearest deadline first. */
export function CaseListPage() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 200);
  const [filters, setFilters] = useState<CaseFilters>(DEFAULT_CASE_FILTERS);
  const [createError, setCreateError] = useState<MessageRef | null>(null);
  const [creating, setCreating] = useState(false);

  const cache = useMemo(() => caseCache({ ...filters, q }), [filters, q]);
  useSyncExternalStore(cache.subscribe, cache.getSnapshot);
  useEffect(() => cache.ensure(0, 0), [cache]);
  useRefreshAfterSync(cache);

  const set = <K extends keyof CaseFilters>(key: K, value: CaseFilters[K]) =>
    setFilters((f) => ({ ...f, [key]: value }));

  const createNew = async () => {
    setCreating(true);
    const result = await api()['case.create']({});
    setCreating(false);
    if (!result.ok) {
      setCreateError(result.error.message);
      return;
    }
    showNotice({ key: 'cases.created' });
    navigate({ name: 'case', id: result.value.id });
  };

  const header = (
    <>
      <span>{t('cases.columns.cause')}</span>
      <span>{t('cases.columns.party')}</span>
      <span>{t('cases.columns.product')}</span>
      <span>{t('cases.columns.stage')}</span>
      <span>{t('cases.columns.deadline')}</span>
      <span>{t('cases.columns.owner')}</span>
      <span>{t('cases.columns.updatedAt')}</span>
    </>
  );

  const renderRow = (row: CaseSummary) => {
    const none = t('common.none');
    return (
      <a className="vrow" href={routeHash({ name: 'case', id: row.id })}>
        <span className="strong">{row.cause || t('cases.untitled')}</span>
        <span>{row.partyName || none}</span>
        <span>{row.productName || none}</span>
        <span>
          <StageBadge stage={row.stage} pendingStep={row.pendingStep} />
        </span>
        <span>{row.nearestDeadline ? <DeadlineBadge deadline={row.nearestDeadline} /> : none}</span>
        <span>{row.ownerName || none}</span>
        <span className="mono muted">{formatDateTime(row.updatedAt)}</span>
      </a>
    );
  };

  return (
    <section className="page page--list" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title" className="page-title">
          {t('cases.listTitle')}
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
            ＋ {t('cases.new')}
          </button>
        </div>
      </div>
      {createError ? (
        <ErrorBanner onClose={() => setCreateError(null)}>{tMessage(t, createError)}</ErrorBanner>
      ) : null}
      <div className="toolbar" role="search">
        <div className="toolbar-row">
          <SearchBox value={text} onChange={setText} placeholder={t('cases.searchPlaceholder')} />
          <label className="tb-field">
            <span>{t('cases.filters.stage')}</span>
            <select
              value={filters.stages[0] ?? ''}
              onChange={(e) => set('stages', e.target.value ? [e.target.value as CaseStage] : [])}
            >
              <option value="">{t('common.all')}</option>
              {CASE_STAGES.map((s) => (
                <option key={s} value={s}>
                  {t(`cases.stages.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="tb-field">
            <span>{t('common.sort')}</span>
            <select
              value={filters.sort}
              onChange={(e) => set('sort', e.target.value as CaseFilters['sort'])}
            >
              {CASE_SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`cases.sorts.${s}`)}
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
            <option value="asc">{t('common.asc')}</option>
            <option value="desc">{t('common.desc')}</option>
          </select>
          <label className="tb-check">
            <input
              type="checkbox"
              checked={filters.pendingOnly}
              onChange={(e) => set('pendingOnly', e.target.checked)}
            />
            {t('cases.filters.pendingOnly')}
          </label>
          {isCaseFiltered({ ...filters, q: text }) ? (
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() => {
                setText('');
                setFilters(DEFAULT_CASE_FILTERS);
              }}
            >
              {t('common.clear')}
            </button>
          ) : null}
        </div>
      </div>
      <ListStates
        cache={cache}
        filtered={isCaseFiltered({ ...filters, q })}
        emptyText={t('cases.empty')}
        emptyAction={t('cases.emptyAction')}
        onEmptyAction={() => void createNew()}
        noMatchText={t('cases.noMatch')}
      />
      {cache.total ? (
        <VirtualRows
          cache={cache}
          label={t('cases.listTitle')}
          rowHeight={ROW_HEIGHT}
          columns={COLUMNS}
          header={header}
          renderRow={renderRow}
        />
      ) : null}
    </section>
  );
}
