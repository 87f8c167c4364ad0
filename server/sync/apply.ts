/**
 * One mutation inside a batch transaction: route it to its entity's handler, detect field
 * conflicts, write, and describe the outcome. Every path returns a result (never throws for
 * a bad mutation), so a refused mutation cannot stop the ones after it.
 */
import { v7 as uuidv7 } from 'uuid';
import { fillMessage, REJECT_MESSAGES } from '../../shared/sync/errors';
import type { Mutation, MutationResult } from '../../shared/sync/protocol';
import { detectConflicts } from './conflicts';
import { ENTITY_HANDLERS } from './entities';
import {
  isRejection,
  type BatchContext,
  type PreparedCreate,
  type Rejection,
} from './entities/types';
import { canWrite } from './scope';

function rejected(m: Mutation, r: Rejection): MutationResult {
  return {
    seq: m.seq,
    mutationId: m.mutationId,
    status: 'rejected',
    reason: r.reject,
    message: fillMessage(REJECT_MESSAGES[r.reject], r.params),
    ...(r.details ? { details: r.details } : {}),
  };
}

const applied = (m: Mutation, serverSeq: number): MutationResult => ({
  seq: m.seq,
  mutationId: m.mutationId,
  status: 'applied',
  serverSeq,
});

/** `prepared`: the create's outcome worked out before the batch (PreparedCreate), if it was. */
export async function applyMutation(
  ctx: BatchContext,
  m: Mutation,
  prepared?: PreparedCreate | Rejection | null,
): Promise<MutationResult> {
  // Refused as it was read (pushInput.ts prepareOne): the database cannot store its text.
  if (isRejection(prepared) && prepared.reject === 'unstorableText') return rejected(m, prepared);
  const handler = ENTITY_HANDLERS[m.entity];
  const current = await ctx.entities.load(m.entity, m.entityId);
  const device = ctx.caller.deviceId;

  if (m.op === 'create' || m.op === 'correct') {
    // Same id again under a new seq: the client lost track (e.g. reinstalled); never overwrite.
    if (current) return rejected(m, { reject: 'alreadyExists' });
    if (m.op === 'correct') {
      if (!handler.correct) return rejected(m, { reject: 'unsupportedOp', params: { op: m.op } });
      const seq = await handler.correct(ctx, m);
      return isRejection(seq) ? rejected(m, seq) : applied(m, seq);
    }
    const plan = await handler.create(ctx, m, prepared ?? undefined);
    if (isRejection(plan)) return rejected(m, plan);
    const seq = ctx.entities.insert(
      { entity: m.entity, id: m.entityId, ...plan },
      device,
      m.changes,
    );
    return applied(m, seq);
  }

  if (!current) return rejected(m, { reject: 'notFound' });
  if (!canWrite(ctx.scope, current)) return rejected(m, { reject: 'outOfScope' });
  const plan = await handler.change(ctx, m, current);
  if (isRejection(plan)) return rejected(m, plan);
  const { merged, conflicts } = detectConflicts(
    current.doc,
    current.fields,
    plan.candidate,
    m.baseServerSeq,
    device,
  );
  const final = plan.finalize ? plan.finalize(merged, conflicts) : merged;
  if (isRejection(final)) return rejected(m, final);
  const serverSeq = ctx.entities.update(current, final, device);
  if (conflicts.length === 0) return applied(m, serverSeq);

  const stored = [];
  for (const c of conflicts) {
    const conflictId = uuidv7();
    await ctx.tx.query(
      `INSERT INTO conflicts (id, entity, entity_id, field, server_value, client_value, server_seq, device_id, user_id, mutation_id)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9, $10)`,
      [
        conflictId,
        m.entity,
        m.entityId,
        c.field,
        JSON.stringify(c.serverValue ?? null),
        JSON.stringify(c.clientValue ?? null),
        c.serverSeq,
        device,
        ctx.caller.user.id,
        m.mutationId,
      ],
    );
    stored.push({ conflictId, ...c });
  }
  return { seq: m.seq, mutationId: m.mutationId, status: 'conflict', serverSeq, conflicts: stored };
}
