import { useTranslation } from 'react-i18next';
import type { CaseDeadline } from '../../../shared/domain/deadlines/compute';
import type { CaseData } from '../../../shared/schemas/case';
import { DeadlineBadge, useDaysText } from './DeadlineBadge';
import { DeadlineRules } from './DeadlineRules';

/**
 * 办案期限: each running period with its legal source, last day and days left or over, nearest
 * first (as the core computes them from the rule set in force for the case).
 */
export function DeadlinesPanel({
  deadlines,
  measures,
}: {
  deadlines: CaseDeadline[];
  measures: CaseData['measures'];
}) {
  const { t } = useTranslation();
  const days = useDaysText();
  const measureName = (id: string | undefined) => {
    const m = measures.find((x) => x.id === id);
    return m
      ? t('cases.deadlines.measure', {
          kind: t(`cases.measureKinds.${m.kind}`),
          place: m.place || t('common.none'),
        })
      : '';
  };
  return (
    <section className="card case-panel" aria-labelledby="deadlines-title">
      <h2 id="deadlines-title" className="panel-title">
        {t('cases.deadlines.title')}
      </h2>
      {deadlines.length === 0 ? <p className="muted">{t('cases.deadlines.empty')}</p> : null}
      <ul className="deadline-list">
        {deadlines.map((d) => (
          <li
            key={`${d.key}-${d.measureId ?? ''}`}
            className={`deadline deadline--${d.state}`}
            data-deadline={d.key}
          >
            <div className="deadline-head">
              <strong>{d.label}</strong>
              {d.measureId ? <span className="muted">{measureName(d.measureId)}</span> : null}
              <DeadlineBadge deadline={d} />
            </div>
            <div className="deadline-meta">
              <span>
                {t('cases.deadlines.due')}
                {t('cases.colon')}
                <span className="mono">{d.due}</span>
                {t('cases.paren', { text: days(d) })}
              </span>
              <span className="muted">
                {t('cases.deadlines.startedOn')}
                {t('cases.colon')}
                <span className="mono">{d.startedOn}</span>
              </span>
            </div>
            <div className="deadline-source muted">
              {t('cases.deadlines.source')}
              {t('cases.colon')}
              {d.source}
            </div>
          </li>
        ))}
      </ul>
      <DeadlineRules ruleSetId={deadlines[0]?.ruleSetId ?? null} />
    </section>
  );
}
