/**
 * The synced documents of cases and review decisions, and the `changes` their mutations carry.
 * Written once here so the app (core/services/cases, core/sync/applyRow.ts) and the server
 * (server/sync/entities/case.ts, review.ts) agree on every field.
 *
 * Case (entity 'case'):
 * - document: `CaseDoc` = the CaseRecord without its id: `{ ownerUserId, ownerName, unitId,
 *   createdAt, updatedAt, data, ...CaseWorkflow }`. Devices write `data` only; the workflow
 *   part changes only through the state machine (shared/domain/case/machine.ts).
 * - op 'create': `{ data }` (the whole CaseData). The server sets owner, unit, dates and
 *   `initialWorkflow()`.
 * - op 'update': `{ 'data.<path>': value, ... }`, the changed leaves (arrays are one leaf, as
 *   for spot checks). `rev` goes up by one per applied update that changes data, on both
 *   sides, so a device's rev after its pending updates are applied equals the server's.
 * - op 'transition': `CaseTransitionChanges`, run through requestTransition on the server.
 *
 * Review (entity 'review'): op 'create' only, with `ReviewCreateChanges` (the decision as the
 * reviewer made it). The server adds the reviewer (the caller), `decidedAt` (its clock) and
 * `outcome: { status: 'applied' }`, and applies the decision to the target in the same
 * transaction (decideApproval for a case, spotCheckStatusAfterReview for a spot check). A
 * decision the rules refuse is rejected whole (reason 'caseRule' or 'permission'); the device
 * then marks its copy refused and reads the target again (core/sync/reviewSettle.ts).
 *
 * Spot check (entity 'spotCheck'): its document gains `rev` (content revisions, the number a
 * decision's `targetRev` names) and `review: SpotCheckDocReview | null` (the latest decision);
 * `status` may be 'returned' or 'approved' (shared/schemas/spotCheck.ts).
 */
import type { CaseRecord } from '../domain/case/record';
import type { CaseTransition } from '../domain/case/stages';
import type { ReviewDecisionInput, ReviewRecord } from '../schemas/review';
import type { SpotCheckRecord } from '../schemas/spotCheck';

export type CaseDoc = Omit<CaseRecord, 'id'>;

export interface CaseTransitionChanges {
  transition: CaseTransition;
  /** 承办人意见 (empty for steps without approval). */
  opinion: string;
}

/** Validated by the server with ReviewDecisionInputSchema. */
export type ReviewCreateChanges = ReviewDecisionInput;

export type ReviewDoc = Omit<ReviewRecord, 'id'>;

export type SpotCheckDocReview = NonNullable<SpotCheckRecord['review']>;
