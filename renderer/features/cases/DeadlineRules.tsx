import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { DeadlineRuleSet } from '../../../shared/domain/deadlines/rules';

/**
 * The time-limit rules the case runs under (deadlines.rules, kept as data with their legal
 * source), read only when opened: what each period is, how long, and how it may be extended.
 */
export function DeadlineRules({ ruleSetId }: { ruleSetId: string | null }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [sets, setSets] = useState<DeadlineRuleSet[] | null>(null);

  useEffect(() => {
    if (!open || sets) return;
    let live = true;
    const load = async () => {
      const r = await api()['deadlines.rules']({});
      if (live) setSets(r.ok ? r.value : []);
    };
    void load();
    return () => {
      live = false;
    };
  }, [open, sets]);

  // The set the case's deadlines were computed with; the newest when none is running yet.
  const set =
    sets?.find((s) => s.id === ruleSetId) ??
    [...(sets ?? [])].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
  const period = (amount: number, unit: 'workingDays' | 'calendarDays') =>
    t(`cases.deadlines.${unit}`, { count: amount });

  return (
    <details className="deadline-rules" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('cases.deadlines.rules')}</summary>
      {open && !sets ? <p className="muted">{t('common.loading')}</p> : null}
      {set ? (
        <>
          <p className="muted">
            {t('cases.deadlines.ruleSet')}
            {t('cases.colon')}
            {set.name}
          </p>
          <ul>
            {set.rules.map((r) => (
              <li key={r.key}>
                <strong>{r.label}</strong>
                {t('cases.colon')}
                {period(r.amount, r.unit)}
                {r.extension
                  ? `${t('cases.semicolon')}${t('cases.deadlines.extension', { period: period(r.extension.amount, r.extension.unit), note: r.extension.note })}`
                  : ''}
                <span className="muted deadline-source">
                  {t('cases.paren', { text: r.source })}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </details>
  );
}
