import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { ApprovalLevel } from '../../../shared/domain/case/stages';
import type { ReviewDecisionInput, ReviewStep } from '../../../shared/schemas/review';
import { showNotice } from '../../store/appStore';
import { OpinionDialog } from './OpinionDialog';
import { reloadReviewQueue } from './reviewQueueStore';

export interface ReviewTargetRef {
  targetType: ReviewDecisionInput['targetType'];
  targetId: string;
  step: ReviewStep;
  /** The level this signature is for (from the machine's nextLevel for a case step). */
  level: ApprovalLevel;
  /** The revision on screen: an approval covers exactly what the reviewer read. */
  targetRev: number;
}

/**
 * 通过 / 退回 for the record on screen. Returning needs a comment; approving takes an optional one
 * (it becomes the opinion on the 审批表). The decision applies here at once and reaches the server
 * with the next sync.
 */
export function ReviewDecisionBar({
  target,
  heading,
  detail,
  onDecided,
  onStale,
}: {
  target: ReviewTargetRef;
  heading: string;
  /** e.g. the 承办人意见 of the request. */
  detail?: string;
  onDecided: () => void;
  /**
   * The record changed since it was opened: re-read it (keeping this bar and its dialog) so the
   * next try covers what is new. The queue is re-read in any case.
   */
  onStale?: () => void;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<'approve' | 'return' | null>(null);
  // A spot check has one signature, its 审核; a case step names the level it waits for.
  const isCase = target.targetType === 'case';
  const levelName = t(`cases.levels.${target.level}`);

  const decide = async (decision: 'approve' | 'return', comment: string) => {
    const r = await api()['review.decide']({ ...target, decision, comment });
    if (!r.ok) {
      if (r.error.message.key === 'caseRule.stale') {
        void reloadReviewQueue();
        onStale?.();
      }
      return r.error.message;
    }
    if (decision === 'return') showNotice({ key: 'cases.review.returned' });
    else if (isCase) showNotice({ key: 'cases.review.approved', params: { level: levelName } });
    else showNotice({ key: 'cases.review.approvedSpotCheck' });
    void reloadReviewQueue();
    onDecided();
    return null;
  };

  return (
    <div className="review-bar" role="region" aria-label={t('cases.review.bar')}>
      <div className="review-bar-text">
        <strong>{heading}</strong>
        {detail ? <span className="review-bar-detail">{detail}</span> : null}
        <span className="muted review-bar-hint">{t('cases.review.syncHint')}</span>
      </div>
      <div className="review-bar-buttons">
        <button type="button" className="btn btn-danger-ghost" onClick={() => setAsking('return')}>
          {t('cases.review.return')}
        </button>
        <button type="button" className="btn btn-primary" onClick={() => setAsking('approve')}>
          {isCase ? `${t('cases.review.approve')}（${levelName}）` : t('cases.review.approve')}
        </button>
      </div>
      {asking === 'approve' ? (
        <OpinionDialog
          title={
            isCase
              ? t('cases.review.approveTitle', { level: levelName })
              : t('cases.review.approveTitleSpotCheck')
          }
          body={
            isCase
              ? t('cases.review.approveBody', { level: levelName })
              : t('cases.review.approveBodySpotCheck')
          }
          label={t('cases.review.comment')}
          placeholder={t('cases.review.commentPlaceholder')}
          required={null}
          okLabel={t('cases.review.approve')}
          onSubmit={(text) => decide('approve', text)}
          onClose={() => setAsking(null)}
        />
      ) : null}
      {asking === 'return' ? (
        <OpinionDialog
          title={t('cases.review.returnTitle')}
          body={t('cases.review.returnBody')}
          label={t('cases.review.commentRequired')}
          placeholder={t('cases.review.returnPlaceholder')}
          required={{ key: 'caseRule.commentRequired' }}
          okLabel={t('cases.review.return')}
          danger
          onSubmit={(text) => decide('return', text)}
          onClose={() => setAsking(null)}
        />
      ) : null}
    </div>
  );
}
