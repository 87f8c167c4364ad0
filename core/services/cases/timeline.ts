/**
 * case.timeline: who did what and when. Steps, requests and signatures come from the case's
 * workflow (synced, so the same on every device and including other people's acts); content
 * edits and what arrived by sync come from this device's audit trail of the case.
 */
import type { TimelineEntry } from '../../../shared/api/caseContract';
import { ok, type Result } from '../../../shared/api/result';
import type { ApprovalRound } from '../../../shared/domain/case/record';
import type { AuditEntry } from '../../../shared/schemas/audit';
import { SERVER_ACTOR } from '../../sync/applyRow';
import { isFailure, type ServiceContext } from '../context';
import { currentActor, notFound, permissionFailure } from './actor';

function signatureEntries(round: ApprovalRound): TimelineEntry[] {
  return round.signatures.map((s) => ({
    at: s.at,
    actorId: s.signerId,
    actorName: s.signerName,
    kind: s.decision,
    transition: round.step,
    level: s.level,
    ...(s.opinion ? { opinion: s.opinion } : {}),
  }));
}

/** Audit entries of content; steps and signatures are taken from the workflow instead. */
function auditEntry(e: AuditEntry): TimelineEntry | null {
  const base = { at: e.at, actorId: e.actorId, actorName: e.actorName };
  if (e.action === 'create') return { ...base, kind: 'create' };
  if (e.action !== 'update') return null;
  const fields = [...new Set(e.changes.map((c) => c.path))];
  return { ...base, kind: e.actorId === SERVER_ACTOR.id ? 'sync' : 'edit', fields };
}

export function caseTimeline(ctx: ServiceContext, id: string): Result<TimelineEntry[]> {
  const actor = currentActor(ctx);
  if (isFailure(actor)) return actor;
  const record = ctx.store.cases.get(id);
  if (!record) return notFound();
  const refused = permissionFailure(actor, 'record.read', record.ownerUserId);
  if (refused) return refused;
  const entries: TimelineEntry[] = [];
  for (const e of ctx.store.audit.list('case', id)) {
    const entry = auditEntry(e);
    if (entry) entries.push(entry);
  }
  for (const round of record.approvals) entries.push(...signatureEntries(round));
  if (record.pending) entries.push(...signatureEntries(record.pending));
  for (const h of record.stageHistory) {
    entries.push({
      at: h.at,
      actorId: h.byId,
      actorName: h.byName,
      kind: 'stage',
      transition: h.transition,
      from: h.from,
      to: h.to,
    });
  }
  // Stable: at equal times a signature stays before the stage change it caused.
  return ok(
    entries
      .map((e, i) => ({ e, i }))
      .sort((a, b) => a.e.at.localeCompare(b.e.at) || a.i - b.i)
      .map((x) => x.e),
  );
}
