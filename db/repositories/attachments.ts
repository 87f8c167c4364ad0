import type Database from 'better-sqlite3';
import type { AttachmentMeta, AttachmentOwnerType } from '../../shared/schemas/sync';

export type AttachmentOrigin = 'local' | 'pulled';

export interface AttachmentRow extends AttachmentMeta {
  createdBy: string;
  origin: AttachmentOrigin;
}

interface Raw {
  id: string;
  owner_type: AttachmentOwnerType;
  owner_id: string;
  sha256: string;
  file_name: string;
  mime_type: string;
  size: number;
  created_by: string;
  created_at: string;
  origin: AttachmentOrigin;
  uploaded: number;
}

const toRow = (r: Raw): AttachmentRow => ({
  id: r.id,
  ownerType: r.owner_type,
  ownerId: r.owner_id,
  sha256: r.sha256,
  fileName: r.file_name,
  mimeType: r.mime_type,
  size: r.size,
  createdAt: r.created_at,
  uploaded: r.uploaded === 1,
  createdBy: r.created_by,
  origin: r.origin,
});

/** What the app shows: the row without the bookkeeping columns. */
export const toMeta = (r: AttachmentRow): AttachmentMeta => ({
  id: r.id,
  ownerType: r.ownerType,
  ownerId: r.ownerId,
  sha256: r.sha256,
  fileName: r.fileName,
  mimeType: r.mimeType,
  size: r.size,
  createdAt: r.createdAt,
  uploaded: r.uploaded,
});

/**
 * Local changes not yet applied by the server, in the outbox (db/migrations/002_sync.ts). A
 * file goes up only after its metadata mutation has been applied: records first, then files.
 * Done entries may be pruned, so "applied" is "no pending or quarantined entry left".
 */
const METADATA_APPLIED = `NOT EXISTS (
  SELECT 1 FROM outbox o
  WHERE o.entity = 'attachment' AND o.entity_id = a.id AND o.state IN ('pending', 'quarantined'))`;

export class AttachmentRepository {
  private readonly insertStmt: Database.Statement;
  private readonly listStmt: Database.Statement;
  private readonly byShaStmt: Database.Statement;
  private readonly readyStmt: Database.Statement;
  private readonly pendingCountStmt: Database.Statement;
  private readonly markStmt: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.insertStmt = db.prepare(
      `INSERT INTO attachments (id, owner_type, owner_id, sha256, file_name, mime_type, size, created_by, created_at, origin, uploaded)
       VALUES (@id, @ownerType, @ownerId, @sha256, @fileName, @mimeType, @size, @createdBy, @createdAt, @origin, @uploaded)`,
    );
    this.listStmt = db.prepare(
      'SELECT * FROM attachments WHERE owner_type = ? AND owner_id = ? ORDER BY seq',
    );
    this.byShaStmt = db.prepare('SELECT * FROM attachments WHERE sha256 = ? ORDER BY seq');
    this.readyStmt = db.prepare(
      `SELECT * FROM attachments a WHERE uploaded = 0 AND ${METADATA_APPLIED} ORDER BY seq`,
    );
    this.pendingCountStmt = db.prepare(
      'SELECT count(DISTINCT sha256) AS n FROM attachments WHERE uploaded = 0',
    );
    this.markStmt = db.prepare(
      'UPDATE attachments SET uploaded = 1 WHERE sha256 = ? AND uploaded = 0',
    );
  }

  insert(row: AttachmentRow): void {
    this.insertStmt.run({ ...row, uploaded: row.uploaded ? 1 : 0 });
  }

  get(id: string): AttachmentRow | null {
    const r = this.db.prepare('SELECT * FROM attachments WHERE id = ?').get(id) as Raw | undefined;
    return r ? toRow(r) : null;
  }

  /** Oldest first: the order the photos were added in. */
  list(ownerType: string, ownerId: string): AttachmentRow[] {
    return (this.listStmt.all(ownerType, ownerId) as Raw[]).map(toRow);
  }

  /** Every row naming this file (one file may back several attachments). */
  bySha256(sha256: string): AttachmentRow[] {
    return (this.byShaStmt.all(sha256) as Raw[]).map(toRow);
  }

  /** Files still to upload whose metadata the server has applied, oldest first. */
  readyToUpload(): AttachmentRow[] {
    return (this.readyStmt.all() as Raw[]).map(toRow);
  }

  /** For sync.status: distinct files not yet on the server (whether or not ready to send). */
  countPendingUploads(): number {
    return (this.pendingCountStmt.get() as { n: number }).n;
  }

  /** The server holds and verified this file: every attachment naming it is uploaded. */
  markUploaded(sha256: string): void {
    this.markStmt.run(sha256);
  }

  /**
   * Metadata received from the server (pull). Immutable on the server, so a row already here
   * is left as it is (it may be this device's own, with its own upload state).
   */
  upsertPulled(id: string, doc: Omit<AttachmentRow, 'id' | 'origin' | 'uploaded'>): void {
    this.db
      .prepare(
        `INSERT INTO attachments (id, owner_type, owner_id, sha256, file_name, mime_type, size, created_by, created_at, origin, uploaded)
         VALUES (@id, @ownerType, @ownerId, @sha256, @fileName, @mimeType, @size, @createdBy, @createdAt, 'pulled', 1)
         ON CONFLICT (id) DO NOTHING`,
      )
      .run({ id, ...doc });
  }
}
