import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewQueueItem } from '../../../shared/api/caseContract';
import { tMessage } from '../../i18n/messages';
import { formatDateTime } from '../../lib/format';
import { routeHash } from '../../routes/routes';
import { StageBadge } from '../cases/StageBadge';
import { DeadlineBadge } from '../cases/DeadlineBadge';
import { reloadReviewQueue, useIsSupervisor, useReviewQueue } from './reviewQueueStore';

/**
 * 待审核: the spot checks submitted in the unit and the case steps waiting for this supervisor's
 * signature, oldest request first as the core orders them. Each opens its record, read-only,
 * with 通过 / 退回 at the level it waits for.
 */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const supervisor = useIsSupervisor();
  const items = useReviewQueue((s) => s.items);
  const error = useReviewQueue((s) => s.error);

  useEffect(() => {
    if (supervisor) void reloadReviewQueue();
  }, [supervisor]);

  return (
    <section className="page page-pad page--review" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title" className="page-title">
          {t('cases.review.title')}
        </h1>
        <span className="page-count" aria-live="polite">
          {items ? t('cases.review.count', { count: items.length }) : ''}
        </span>
      </div>
      <p className="muted">{t('cases.review.intro')}</p>
      {!supervisor ? <p className="list-state">{t('cases.review.notSupervisor')}</p> : null}
      {error ? (
        <div className="list-state" role="alert">
          <p>{tMessage(t, error)}</p>
          <button type="button" className="btn" onClick={() => void reloadReviewQueue()}>
            {t('common.retry')}
          </button>
        </div>
      ) : null}
      {supervisor && items === null && !error ? (
        <p className="muted">{t('common.loading')}</p>
      ) : null}
      {items?.length === 0 ? <p className="list-state">{t('cases.review.empty')}</p> : null}
      {items && items.length > 0 ? (
        <ul className="review-queue" aria-label={t('cases.review.title')}>
          {items.map((item) => (
            <li key={`${item.targetType}-${item.targetId}`}>
              <QueueItem item={item} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function QueueItem({ item }: { item: ReviewQueueItem }) {
  const { t } = useTranslation();
  const none = t('common.none');
  if (item.targetType === 'spotCheck') {
    const s = item.summary;
    return (
      <a className="queue-item" href={routeHash({ name: 'spotCheck', id: item.targetId })}>
        <span className="badge badge-grey queue-kind">{t('cases.review.spotCheck')}</span>
        <span className="queue-main">
          <span className="queue-title">
            <span className="mono">{s.recordNumber || none}</span>
            <span className="strong">{s.sampleName || none}</span>
          </span>
          <span className="queue-sub muted">{s.unitName || none}</span>
        </span>
        <span className="queue-step">
          <span className="badge badge-amber">{t('cases.review.spotCheckStep')}</span>
        </span>
        <span className="queue-who muted">
          {item.ownerName}
          {item.submittedAt ? ` · ${formatDateTime(item.submittedAt)}` : ''}
        </span>
      </a>
    );
  }
  const c = item.summary;
  return (
    <a className="queue-item" href={routeHash({ name: 'case', id: item.targetId })}>
      <span className="badge badge-blue queue-kind">{t('cases.review.case')}</span>
      <span className="queue-main">
        <span className="queue-title">
          <span className="strong">{c.cause || t('cases.untitled')}</span>
          <StageBadge stage={c.stage} />
          {c.nearestDeadline ? <DeadlineBadge deadline={c.nearestDeadline} /> : null}
        </span>
        <span className="queue-sub muted">
          {[c.partyName, c.productName].filter(Boolean).join(' · ') || none}
        </span>
        {item.handlerOpinion ? (
          <span className="queue-opinion">
            {t('cases.review.handlerOpinion', { opinion: item.handlerOpinion })}
          </span>
        ) : null}
      </span>
      <span className="queue-step">
        <span className="badge badge-amber">
          {t('cases.review.stepOf', {
            step: t(`cases.transitions.${item.step}`),
            level: t(`cases.levels.${item.level}`),
          })}
        </span>
      </span>
      <span className="queue-who muted">
        {c.ownerName} · {formatDateTime(item.requestedAt)}
      </span>
    </a>
  );
}
