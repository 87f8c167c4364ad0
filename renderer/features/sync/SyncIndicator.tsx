import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useAppStore } from '../../store/appStore';
import { tMessage } from '../../i18n/messages';
import { formatClock } from '../../lib/format';
import { attentionCount, indicatorState, type IndicatorState } from './indicatorState';
import { openSyncPanel, useSyncStore } from './syncStore';

const TONE: Record<IndicatorState['kind'], string> = {
  network: '',
  local: 'net-local',
  revoked: 'net-revoked',
  signedOut: 'net-pending',
  offline: 'net-offline',
  syncing: 'net-syncing',
  error: 'net-error',
  pending: 'net-pending',
  firstSync: 'net-pending',
  synced: 'net-online',
};

function describe(
  t: TFunction,
  state: IndicatorState,
  extra: { mutations: number; files: number; error: string },
): { label: string; hint: string } {
  switch (state.kind) {
    case 'network':
      return state.online
        ? { label: t('app.online'), hint: t('app.onlineHint') }
        : { label: t('app.offline'), hint: t('app.offlineHint') };
    case 'local':
      return { label: t('sync.indicator.local'), hint: t('sync.indicator.localHint') };
    case 'revoked':
      return { label: t('sync.indicator.revoked'), hint: t('sync.revokedKeep') };
    case 'signedOut':
      return {
        label: t('sync.indicator.signedOut'),
        hint:
          t('sync.indicator.signedOutHint') +
          (state.pending > 0 ? ` ${t('sync.indicator.pendingHint', extra)}` : ''),
      };
    case 'offline':
      return {
        label:
          state.pending > 0
            ? `${t('sync.indicator.offline')} · ${t('sync.indicator.pending', { count: state.pending })}`
            : t('sync.indicator.offline'),
        hint:
          (state.reason === 'network'
            ? t('sync.indicator.offlineNetwork')
            : t('sync.indicator.offlineServer')) +
          (state.pending > 0 ? ` ${t('sync.indicator.pendingHint', extra)}` : ''),
      };
    case 'syncing':
      return { label: t('sync.indicator.syncing'), hint: t('sync.indicator.syncingHint') };
    case 'error':
      return {
        label: t('sync.indicator.error'),
        hint: t('sync.indicator.errorHint', { message: extra.error }),
      };
    case 'pending':
      return {
        label: t('sync.indicator.pending', { count: state.count }),
        hint: t('sync.indicator.pendingHint', extra),
      };
    case 'firstSync':
      return { label: t('sync.indicator.syncedNever'), hint: t('sync.indicator.syncingHint') };
    case 'synced':
      return {
        label: t('sync.indicator.synced', { time: formatClock(new Date(state.at)) }),
        hint: t('sync.indicator.syncedHint'),
      };
  }
}

/**
 * The header's sync badge. A button, so it is reachable by keyboard and opens the sync panel;
 * its name is the visible text (待同步 3), the tooltip is its accessible description.
 */
export function SyncIndicator() {
  const { t } = useTranslation();
  const online = useAppStore((s) => s.online);
  const status = useSyncStore((s) => s.status);
  const supported = useSyncStore((s) => s.supported);
  const state = indicatorState(status, supported, online);
  const attention = attentionCount(status);
  const { label, hint } = describe(t, state, {
    mutations: status?.pendingMutations ?? 0,
    files: status?.pendingFiles ?? 0,
    error: status?.lastError ? tMessage(t, status.lastError) : '',
  });
  const tone =
    state.kind === 'network' ? (state.online ? 'net-online' : 'net-offline') : TONE[state.kind];
  const title = [
    hint,
    attention > 0 ? t('sync.indicator.attention', { count: attention }) : '',
    supported ? t('sync.indicator.open') : '',
  ]
    .filter(Boolean)
    .join('\n');

  return (
    <button
      type="button"
      className={`net-indicator ${tone}`}
      title={title}
      aria-haspopup="dialog"
      onClick={openSyncPanel}
      data-sync-state={state.kind}
    >
      <span className="net-dot" aria-hidden="true" />
      {label}
      {attention > 0 ? (
        <span className="net-attention" aria-hidden="true">
          {attention}
        </span>
      ) : null}
    </button>
  );
}
