import { useTranslation } from 'react-i18next';
import type { SpotCheckRecord } from '../../../shared/schemas/spotCheck';
import { formatDateTime } from '../../lib/format';

/**
 * The supervisor's decision on the record: returned with the comment (the owner edits and
 * submits again), or approved and locked.
 */
export function SpotCheckReviewState({ record }: { record: SpotCheckRecord }) {
  const { t } = useTranslation();
  const review = record.review ?? null;
  const who = review
    ? { name: review.reviewerName, date: formatDateTime(review.decidedAt) }
    : { name: t('common.none'), date: t('common.none') };
  if (record.status === 'returned') {
    return (
      <div className="banner banner-error" role="status" data-review-state="returned">
        <div className="banner-text">
          <strong>{t('status.returned')}</strong>{' '}
          {review ? t('cases.spotCheckReview.returned', { ...who, comment: review.comment }) : null}
          <div>{t('cases.spotCheckReview.returnedEditable')}</div>
        </div>
      </div>
    );
  }
  if (record.status === 'approved') {
    return (
      <div className="banner banner-approved" role="status" data-review-state="approved">
        <div className="banner-text">
          <strong>{t('status.approved')}</strong>{' '}
          {review ? t('cases.spotCheckReview.approved', who) : null}{' '}
          {t('cases.spotCheckReview.approvedLocked')}
        </div>
      </div>
    );
  }
  return null;
}
