/** Case and review methods of the API contract. */
import type { ApiHandlers } from '../../../shared/api/contract';
import type { CASE_API } from '../../../shared/api/caseContract';
import { registerReviewSettle } from '../../sync/reviewSettle';
import type { SyncServiceContext } from '../sync';
import { createCase } from './create';
import { openFromSpotCheck } from './fromSpotCheck';
import { deadlineRules, getCase, listCases } from './queries';
import { listReviews, reviewQueue } from './queue';
import { decideReview } from './review';
import { saveCase } from './save';
import { caseTimeline } from './timeline';
import { transitionCase } from './transition';

type CaseHandlers = Pick<ApiHandlers, keyof typeof CASE_API>;

export function createCaseHandlers(ctx: SyncServiceContext): CaseHandlers {
  // A decision the server refuses is marked refused here and its target read again.
  registerReviewSettle(ctx.sync.hooks, ctx.store);
  return {
    'case.create': (input) => createCase(ctx, input),
    'case.openFromSpotCheck': (input) => openFromSpotCheck(ctx, input),
    'case.get': ({ id }) => getCase(ctx, id),
    'case.list': (q) => listCases(ctx, q),
    'case.save': (input) => saveCase(ctx, input),
    'case.transition': (input) => transitionCase(ctx, input),
    'case.timeline': ({ id }) => caseTimeline(ctx, id),
    'deadlines.rules': () => deadlineRules(),
    'review.queue': () => reviewQueue(ctx),
    'review.decide': (input) => decideReview(ctx, input),
    'review.list': (input) => listReviews(ctx, input),
  };
}
