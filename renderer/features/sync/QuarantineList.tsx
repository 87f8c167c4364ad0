import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { QuarantinedChange, QuarantineResolution } from '../../../shared/schemas/sync';
import { tMessage } from '../../i18n/messages';
import { formatDateTime } from '../../lib/format';
import { entityHref, entityName, fieldLabel } from './entityLinks';
import { useSyncList } from './useSyncList';

const load = () => api()['sync.quarantine']({});
const count = (s: { quarantined: number }) => s.quarantined;

type T = ReturnType<typeof useTranslation>['t'];

/**
 * The server's reason comes as its own Chinese text (with the record's details filled in); in
 * English we use our wording of the reason code, falling back to the server's text.
 */
function reasonText(t: T, lng: string, c: QuarantinedChange) {
  if (lng !== 'en' && c.message) return c.message;
  return t(`sync.reject.${c.reason}`, { defaultValue: c.message || c.reason });
}

/** Still to act on first; a resolved refusal (the record reached the server since) is history. */
const toActOnFirst = (items: QuarantinedChange[]) =>
  [...items].sort((a, b) => Number(!!a.resolvedAt) - Number(!!b.resolvedAt) || a.seq - b.seq);

/** How a settled refusal ended: its badge and its sentence. */
const SETTLED = {
  taken: {
    badge: 'badge-green',
    label: 'sync.quarantineResolved',
    at: 'sync.quarantineResolvedAt',
  },
  superseded: {
    badge: 'badge-grey',
    label: 'sync.quarantineSuperseded',
    at: 'sync.quarantineSupersededAt',
  },
  locked: { badge: 'badge-grey', label: 'sync.quarantineLocked', at: 'sync.quarantineLockedAt' },
} as const;

function Settled({ t, at, how = 'taken' }: { t: T; at: string; how?: QuarantineResolution }) {
  const s = SETTLED[how];
  return (
    <p className={`sync-item-resolved${how === 'taken' ? '' : ' sync-item-resolved--superseded'}`}>
      <span className={`badge ${s.badge}`}>{t(s.label)}</span> {t(s.at, { at: formatDateTime(at) })}
    </p>
  );
}

/** 被服务器拒绝的修改: kept locally, never blocking the rest; each links to its record. */
export function QuarantineList({ onOpenRecord }: { onOpenRecord?: () => void }) {
  const { t, i18n } = useTranslation();
  const { items, error } = useSyncList(load, count);
  const open = items?.filter((c) => !c.resolvedAt).length ?? 0;

  return (
    <section className="sync-list" aria-labelledby="sync-quarantine-h">
      <h3 id="sync-quarantine-h" className="section-title">
        {t('sync.quarantineTitle')}
        {open > 0 ? <span className="badge badge-red">{open}</span> : null}
      </h3>
      {error ? <p role="alert">{tMessage(t, error)}</p> : null}
      {items && items.length === 0 ? <p className="muted">{t('sync.quarantineEmpty')}</p> : null}
      {items && items.length > 0 ? (
        <>
          {open > 0 ? <p className="muted sync-list-hint">{t('sync.quarantineHint')}</p> : null}
          <ul className="sync-items">
            {toActOnFirst(items).map((c) => {
              const href = entityHref(c.entity, c.entityId);
              const fieldErrors = Object.entries(c.fieldErrors ?? {});
              return (
                <li
                  key={c.mutationId}
                  className={`sync-item ${c.resolvedAt ? 'sync-item--resolved' : 'sync-item--rejected'}`}
                >
                  <div className="sync-item-head">
                    <span className="badge badge-grey">{entityName(t, c.entity)}</span>
                    <span className="strong sync-item-label">{c.label}</span>
                    <span className="mono muted">{formatDateTime(c.at)}</span>
                  </div>
                  <p className="sync-item-reason">{reasonText(t, i18n.language, c)}</p>
                  {c.resolvedAt ? <Settled t={t} at={c.resolvedAt} how={c.resolution} /> : null}
                  {fieldErrors.length > 0 ? (
                    <ul className="sync-field-errors">
                      {fieldErrors.map(([path, ref]) => (
                        <li key={path}>
                          <span className="audit-field">{fieldLabel(t, c.entity, path)}</span>
                          <span className="text-error">{tMessage(t, ref)}</span>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {href ? (
                    <a className="btn btn-small" href={href} onClick={onOpenRecord}>
                      {t('sync.openRecord')}
                    </a>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </section>
  );
}
