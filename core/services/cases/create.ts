/** case.create: a new case in 受理, owned by the acting officer. */
import { ok, type Result } from '../../../shared/api/result';
import { initialWorkflow, type CaseRecord } from '../../../shared/domain/case/record';
import { emptyCaseData, type CaseData } from '../../../shared/schemas/case';
import { diff } from '../../audit/diff';
import { appendAudit, inTransaction, isFailure, newId, type ServiceContext } from '../context';
import { currentActor, permissionFailure, type CaseActor } from './actor';

/**
 * The acting officer is a 承办人: named first unless the case lists them already (then their
 * entry, found by credential number, gets their user id).
 */
function withActorAsOfficer(data: CaseData, actor: CaseActor): CaseData {
  const isMe = (o: CaseData['officers'][number]) =>
    o.userId === actor.id ||
    (actor.credentialNumber !== '' && o.credentialNumber === actor.credentialNumber);
  if (data.officers.some(isMe)) {
    return {
      ...data,
      officers: data.officers.map((o) => (isMe(o) ? { ...o, userId: actor.id } : o)),
    };
  }
  if (data.officers.length >= 10) return data;
  const me = { userId: actor.id, name: actor.name, credentialNumber: actor.credentialNumber };
  return { ...data, officers: [me, ...data.officers] };
}

/**
 * Writes a new case with its audit entry and outbox mutation, in the caller's transaction.
 * The server sets the owner, unit and workflow itself from the same rules.
 */
export function insertNewCase(ctx: ServiceContext, actor: CaseActor, data: CaseData): CaseRecord {
  const at = ctx.now().toISOString();
  const full = withActorAsOfficer(
    data.agencyName ? data : { ...data, agencyName: actor.profile.unitName },
    actor,
  );
  const record: CaseRecord = {
    id: newId(),
    ownerUserId: actor.id,
    ownerName: actor.name,
    unitId: actor.unitId,
    createdAt: at,
    updatedAt: at,
    ...initialWorkflow(),
    data: full,
  };
  ctx.store.cases.insert(record);
  appendAudit(ctx, actor.profile, 'case', record.id, 'create', diff({}, full), at);
  ctx.store.outbox.append({
    entity: 'case',
    entityId: record.id,
    op: 'create',
    changes: { data: structuredClone(full) },
  });
  return record;
}

export function createCase(ctx: ServiceContext, input: { data?: CaseData }): Result<CaseRecord> {
  return inTransaction(ctx, () => {
    const actor = currentActor(ctx);
    if (isFailure(actor)) return actor;
    const refused = permissionFailure(actor, 'record.create');
    if (refused) return refused;
    return ok(insertNewCase(ctx, actor, input.data ?? emptyCaseData()));
  });
}
