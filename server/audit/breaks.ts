/**
 * Break reports: a broken or missing link found in a device's audit chain. One report per
 * (device, position, kind): a device that sends the same broken range again finds its report,
 * not a new one.
 */
import type { ChainBreak } from '../../shared/audit/chain';
import type {
  AuditBreakListItem,
  AuditBreakReport,
  AuditUploadEntry,
} from '../../shared/sync/auditProtocol';
import type { Queryable } from '../storage/types';
import { num } from '../storage/types';

interface BreakRow {
  id: unknown;
  device_id: string;
  chain_seq: unknown;
  kind: AuditBreakReport['kind'];
  entry: AuditUploadEntry;
  detected_at: Date | string;
}

const toReport = (r: BreakRow): AuditBreakReport => ({
  id: num(r.id),
  deviceId: r.device_id,
  chainSeq: num(r.chain_seq),
  kind: r.kind,
  detectedAt: new Date(r.detected_at).toISOString(),
  entry: r.entry,
});

/** The position a break is reported at (see AuditBreakReport.chainSeq). */
export const breakSeq = (b: ChainBreak): number =>
  b.kind === 'missing' ? b.expectedSeq : b.chainSeq;

/** Records the break (once) and returns its report, the first one if it was known already. */
export async function recordBreak(
  tx: Queryable,
  deviceId: string,
  found: ChainBreak,
  entry: AuditUploadEntry,
): Promise<AuditBreakReport> {
  const chainSeq = breakSeq(found);
  await tx.query(
    `INSERT INTO audit_breaks (device_id, chain_seq, kind, entry) VALUES ($1, $2, $3, $4::json)
     ON CONFLICT (device_id, chain_seq, kind) DO NOTHING`,
    [deviceId, chainSeq, found.kind, JSON.stringify(entry)],
  );
  const { rows } = await tx.query<BreakRow>(
    'SELECT * FROM audit_breaks WHERE device_id = $1 AND chain_seq = $2 AND kind = $3',
    [deviceId, chainSeq, found.kind],
  );
  return toReport(rows[0] as BreakRow);
}

export interface BreakFilter {
  /** Only devices whose user belongs to one of these units (null: every unit, for admins). */
  unitIds: readonly string[] | null;
  deviceId?: string;
  limit: number;
}

/** Newest first, with the device and its user, so a supervisor knows whose laptop it is. */
export async function listBreaks(q: Queryable, f: BreakFilter): Promise<AuditBreakListItem[]> {
  const params: unknown[] = [f.limit];
  const where: string[] = [];
  if (f.unitIds) {
    params.push([...f.unitIds]);
    where.push(`u.unit_id = ANY($${params.length}::uuid[])`);
  }
  if (f.deviceId) {
    params.push(f.deviceId);
    where.push(`b.device_id = $${params.length}::uuid`);
  }
  const { rows } = await q.query<
    BreakRow & { device_name: string; user_id: string; user_name: string; unit_id: string }
  >(
    `SELECT b.*, d.name AS device_name, u.id AS user_id, u.name AS user_name, u.unit_id
     FROM audit_breaks b JOIN devices d ON d.id = b.device_id JOIN users u ON u.id = d.user_id
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY b.detected_at DESC, b.id DESC LIMIT $1`,
    params,
  );
  return rows.map((r) => ({
    ...toReport(r),
    deviceName: r.device_name,
    userId: r.user_id,
    userName: r.user_name,
    unitId: r.unit_id,
  }));
}
