import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { TimelineEntry } from '../../../shared/api/caseContract';
import type { MessageRef } from '../../../shared/api/result';
import { tMessage } from '../../i18n/messages';
import { formatDateTime } from '../../lib/format';

/** 办案记录: who did what and when, newest first; re-read when the case changes. */
export function TimelinePanel({ caseId, refreshKey }: { caseId: string; refreshKey: string }) {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<TimelineEntry[] | null>(null);
  const [error, setError] = useState<MessageRef | null>(null);

  useEffect(() => {
    let live = true;
    const load = async () => {
      const r = await api()['case.timeline']({ id: caseId });
      if (!live) return;
      if (r.ok) {
        setEntries([...r.value].reverse());
        setError(null);
      } else setError(r.error.message);
    };
    void load();
    return () => {
      live = false;
    };
  }, [caseId, refreshKey]);

  const describe = (e: TimelineEntry): string => {
    const parts: string[] = [];
    if (e.transition) parts.push(t(`cases.transitions.${e.transition}`));
    if (e.level) parts.push(t(`cases.levels.${e.level}`, { defaultValue: e.level }));
    if (e.from && e.to) {
      parts.push(
        t('cases.timeline.stageChange', {
          from: t(`cases.stages.${e.from}`),
          to: t(`cases.stages.${e.to}`),
        }),
      );
    }
    if (e.fields && e.fields.length > 0)
      parts.push(t('cases.timeline.fields', { count: e.fields.length }));
    return parts.join(' · ');
  };

  return (
    <section className="card case-panel timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title" className="panel-title">
        {t('cases.timeline.title')}
      </h2>
      {error ? <p role="alert">{tMessage(t, error)}</p> : null}
      {entries === null && !error ? <p className="muted">{t('common.loading')}</p> : null}
      {entries?.length === 0 ? <p className="muted">{t('cases.timeline.empty')}</p> : null}
      <ol className="timeline-list">
        {entries?.map((e, i) => (
          <li key={`${e.at}-${i}`} className={`timeline-entry timeline-entry--${e.kind}`}>
            <span className="mono muted timeline-at">{formatDateTime(e.at)}</span>
            <span className="timeline-actor">{e.actorName}</span>
            <span className="timeline-what">
              <strong>{t(`cases.timeline.kinds.${e.kind}`)}</strong>
              {describe(e) ? <span className="muted"> · {describe(e)}</span> : null}
              {e.opinion ? <span className="timeline-opinion">“{e.opinion}”</span> : null}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
