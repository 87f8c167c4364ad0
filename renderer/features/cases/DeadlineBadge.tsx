import { useTranslation } from 'react-i18next';
import type { CaseDeadline } from '../../../shared/domain/deadlines/compute';

/** Days left or over, in words: 剩 5 天 / 今日届满 / 超期 3 天. */
export function useDaysText(): (d: Pick<CaseDeadline, 'daysLeft'>) => string {
  const { t } = useTranslation();
  return (d) => {
    if (d.daysLeft < 0) return t('cases.daysOver', { count: -d.daysLeft });
    if (d.daysLeft === 0) return t('cases.dueToday');
    return t('cases.daysLeft', { count: d.daysLeft });
  };
}

/** A deadline's state at a glance: 剩 N 天 (grey), 即将到期 · 剩 N 天 (amber), 已超期 N 天 (red). */
export function DeadlineBadge({ deadline }: { deadline: CaseDeadline }) {
  const { t } = useTranslation();
  const days = useDaysText();
  let text = days(deadline);
  if (deadline.state === 'overdue') text = t('cases.badgeOverdue', { count: -deadline.daysLeft });
  else if (deadline.state === 'warning') text = `${t('cases.deadlineStates.warning')} · ${text}`;
  return (
    <span
      className={`deadline-badge deadline-badge--${deadline.state}`}
      title={`${deadline.label} · ${t('cases.deadlines.due')} ${deadline.due}`}
      data-deadline-state={deadline.state}
    >
      {text}
    </span>
  );
}
