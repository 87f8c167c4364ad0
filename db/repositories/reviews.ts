/**
 * Supervisor review decisions: records of their own, made on this device (outcome NULL until
 * the server answers) or received from the server (which then replaces the local copy).
 */
import type Database from 'better-sqlite3';
import type { ReviewRecord, ReviewTarget } from '../../shared/schemas/review';

interface ReviewRow {
  id: string;
  target_type: ReviewRecord['targetType'];
  target_id: string;
  step: ReviewRecord['step'];
  level: ReviewRecord['level'];
  decision: ReviewRecord['decision'];
  comment: string;
  target_rev: number;
  reviewer_id: string;
  reviewer_name: string;
  decided_at: string;
  outcome: string | null;
}

const toRecord = (r: ReviewRow): ReviewRecord => ({
  id: r.id,
  targetType: r.target_type,
  targetId: r.target_id,
  step: r.step,
  level: r.level,
  decision: r.decision,
  comment: r.comment,
  targetRev: r.target_rev,
  reviewerId: r.reviewer_id,
  reviewerName: r.reviewer_name,
  decidedAt: r.decided_at,
  outcome: r.outcome === null ? null : (JSON.parse(r.outcome) as ReviewRecord['outcome']),
});

export class ReviewRepository {
  private readonly upsertStmt: Database.Statement;
  private readonly byIdStmt: Database.Statement;
  private readonly forTargetStmt: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.upsertStmt = db.prepare(
      `INSERT INTO reviews (id, target_type, target_id, step, level, decision, comment, target_rev,
         reviewer_id, reviewer_name, decided_at, outcome)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET target_type = excluded.target_type,
         target_id = excluded.target_id, step = excluded.step, level = excluded.level,
         decision = excluded.decision, comment = excluded.comment,
         target_rev = excluded.target_rev, reviewer_id = excluded.reviewer_id,
         reviewer_name = excluded.reviewer_name, decided_at = excluded.decided_at,
         outcome = excluded.outcome`,
    );
    this.byIdStmt = db.prepare('SELECT * FROM reviews WHERE id = ?');
    this.forTargetStmt = db.prepare(
      'SELECT * FROM reviews WHERE target_type = ? AND target_id = ? ORDER BY seq',
    );
  }

  get(id: string): ReviewRecord | null {
    const row = this.byIdStmt.get(id) as ReviewRow | undefined;
    return row ? toRecord(row) : null;
  }

  /** Inserts, or replaces the stored copy (a row received from the server is authoritative). */
  put(r: ReviewRecord): void {
    this.upsertStmt.run(
      r.id,
      r.targetType,
      r.targetId,
      r.step,
      r.level,
      r.decision,
      r.comment,
      r.targetRev,
      r.reviewerId,
      r.reviewerName,
      r.decidedAt,
      r.outcome === null ? null : JSON.stringify(r.outcome),
    );
  }

  /**
   * Decisions made here that the server refused: still without outcome, their mutation taken
   * out of the outbox into the quarantine with the server's reason.
   */
  refusedBySync(): { review: ReviewRecord; message: string }[] {
    const rows = this.db
      .prepare(
        `SELECT r.*, q.message AS refusal FROM reviews r
         JOIN sync_quarantine q ON q.entity = 'review' AND q.entity_id = r.id
         WHERE r.outcome IS NULL AND q.resolved_at IS NULL ORDER BY r.seq`,
      )
      .all() as (ReviewRow & { refusal: string })[];
    return rows.map((r) => ({ review: toRecord(r), message: r.refusal }));
  }

  /** Decisions on one record, in the order this device stored them. */
  listFor(targetType: ReviewTarget, targetId: string): ReviewRecord[] {
    return (this.forTargetStmt.all(targetType, targetId) as ReviewRow[]).map(toRecord);
  }
}
