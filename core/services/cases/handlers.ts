/** Case and review methods of the API contract (in progress). */
import type { ApiHandlers } from '../../../shared/api/contract';
import type { CASE_API } from '../../../shared/api/caseContract';
import { fail } from '../../../shared/api/result';
import type { SyncServiceContext } from '../sync';

type CaseHandlers = Pick<ApiHandlers, keyof typeof CASE_API>;

export function createCaseHandlers(ctx: SyncServiceContext): CaseHandlers {
  void ctx;
  const todo = () => fail('INTERNAL', 'e.internal', { detail: 'not built yet' });
  return {
    'case.create': todo,
    'case.openFromSpotCheck': todo,
    'case.get': todo,
    'case.list': todo,
    'case.save': todo,
    'case.transition': todo,
    'case.timeline': todo,
    'deadlines.rules': todo,
    'review.queue': todo,
    'review.decide': todo,
    'review.list': todo,
  };
}
