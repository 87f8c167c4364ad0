import { EnterpriseInputSchema } from '../../../shared/schemas/enterprise';
import { applyChanges, type Doc } from '../../../shared/sync/paths';
import type { Mutation } from '../../../shared/sync/protocol';
import { canRead } from '../scope';
import type { EntityRow } from './repo';
import {
  reject,
  validationRejection,
  type BatchContext,
  type EntityHandler,
  type Rejection,
} from './types';

const FIELDS = new Set(Object.keys(EnterpriseInputSchema.shape));

function writableFields(m: Mutation): Rejection | null {
  for (const path of Object.keys(m.changes)) {
    const top = path.split('.')[0] as string;
    if (!FIELDS.has(top) || path.includes('.')) return reject('fieldNotWritable', { field: path });
  }
  return null;
}

function validate(doc: Doc): Doc | Rejection {
  const parsed = EnterpriseInputSchema.safeParse(doc);
  return parsed.success ? (parsed.data as Doc) : validationRejection(parsed.error.issues);
}

/**
 * Two inspectors may register the same enterprise offline under different ids; the second is
 * refused with the first one's id (when the caller may see it) so the app can merge them.
 */
async function duplicateCode(
  ctx: BatchContext,
  doc: Doc,
  selfId: string,
): Promise<Rejection | null> {
  const { rows } = await ctx.tx.query<{ id: string; name: string; unit_id: string | null }>(
    `SELECT id, doc::json->>'name' AS name, unit_id FROM entities
     WHERE entity = 'enterprise' AND doc::json->>'creditCode' = $1 AND id <> $2 AND NOT deleted LIMIT 1`,
    [doc.creditCode, selfId],
  );
  const hit = rows[0];
  if (!hit) return null;
  const visible = canRead(ctx.scope, {
    entity: 'enterprise',
    unitId: hit.unit_id,
    ownerUserId: null,
  });
  return visible
    ? reject('duplicateCreditCode', { name: hit.name }, { existingId: hit.id })
    : reject('duplicateCreditCode', { name: '其他单位登记的记录' });
}

export const enterpriseHandler: EntityHandler = {
  entity: 'enterprise',

  async create(ctx, m) {
    const bad = writableFields(m);
    if (bad) return bad;
    const doc = validate(applyChanges({}, m.changes));
    if ('reject' in doc) return doc as Rejection;
    const dup = await duplicateCode(ctx, doc, m.entityId);
    if (dup) return dup;
    return { doc, unitId: ctx.caller.user.unitId, ownerUserId: ctx.caller.user.id };
  },

  async change(ctx, m, current: EntityRow) {
    if (m.op !== 'update') return reject('unsupportedOp', { op: m.op });
    const bad = writableFields(m);
    if (bad) return bad;
    const candidate = validate(applyChanges(current.doc, m.changes));
    if ('reject' in candidate) return candidate as Rejection;
    if (candidate.creditCode !== current.doc.creditCode) {
      const dup = await duplicateCode(ctx, candidate, current.id);
      if (dup) return dup;
    }
    return {
      candidate,
      // Fields are independent, but re-check the merged result: it is what gets stored.
      finalize: (merged) => validate(merged),
    };
  },
};
