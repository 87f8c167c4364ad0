import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/api/caseContract';
import type { ApprovalRound } from '../../../shared/domain/case/record';
import { tMessage } from '../../i18n/messages';

/**
 * 审批记录: every round of every approval step, each signature with its level, opinion, signer
 * and date, as the 审批表 prints them. Decisions taken on this laptop that have not reached the
 * server yet, or that it refused, are listed under their round.
 */
export function ApprovalsPanel({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { record, reviews, nextLevel } = detail;
  const rounds: ApprovalRound[] = [
    ...record.approvals,
    ...(record.pending ? [record.pending] : []),
  ];
  // Newest first: the round that matters now is on top.
  rounds.reverse();
  const unsettled = reviews.filter((r) => r.outcome === null || r.outcome.status === 'refused');

  return (
    <section className="card case-panel" aria-labelledby="approvals-title">
      <h2 id="approvals-title" className="panel-title">
        {t('cases.approvals.title')}
      </h2>
      {rounds.length === 0 ? <p className="muted">{t('cases.approvals.empty')}</p> : null}
      {rounds.map((round, i) => (
        <div key={`${round.step}-${round.rev}-${i}`} className="approval-round">
          <div className="approval-round-head">
            <strong>
              {t('cases.approvals.round', { step: t(`cases.transitions.${round.step}`) })}
            </strong>
            <span
              className={`badge ${round.outcome === 'approved' ? 'badge-green' : round.outcome === 'returned' ? 'badge-red' : 'badge-amber'}`}
            >
              {t(`cases.outcomes.${round.outcome}`)}
              {round.outcome === 'pending' && nextLevel
                ? ` · ${t('cases.approvals.awaiting', { level: t(`cases.levels.${nextLevel}`) })}`
                : ''}
            </span>
          </div>
          <table className="sign-table">
            <thead>
              <tr>
                <th scope="col">{t('cases.approvals.level')}</th>
                <th scope="col">{t('cases.approvals.opinion')}</th>
                <th scope="col">{t('cases.approvals.signer')}</th>
                <th scope="col">{t('cases.approvals.date')}</th>
              </tr>
            </thead>
            <tbody>
              {round.signatures.map((s) => (
                <tr key={`${s.level}-${s.at}`} data-level={s.level}>
                  <th scope="row">{t(`cases.levels.${s.level}`)}</th>
                  <td>
                    <span className={`sign-decision sign-decision--${s.decision}`}>
                      {t(`cases.decisions.${s.decision}`)}
                    </span>
                    {s.opinion ? <span className="sign-opinion">{s.opinion}</span> : null}
                  </td>
                  <td className="sign-name">{s.signerName}</td>
                  <td className="mono">{s.date}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      {unsettled.length > 0 ? (
        <ul className="review-outcomes">
          {unsettled.map((r) => (
            <li key={r.id} className={r.outcome ? 'text-error' : 'muted'}>
              {t(`cases.levels.${r.level}`)} · {t(`cases.decisions.${r.decision}`)} ·{' '}
              {r.reviewerName} ·{' '}
              {r.outcome?.status === 'refused'
                ? t('cases.approvals.refused', { reason: tMessage(t, { key: r.outcome.reason }) })
                : t('cases.approvals.notYetSynced')}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
