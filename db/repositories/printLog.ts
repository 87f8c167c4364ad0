/** The print log (migration 006): every printed form or saved PDF made on this device. */
import type Database from 'better-sqlite3';
import type { PrintLogEntry } from '../../shared/api/documentContract';

interface PrintLogRow {
  id: string;
  owner_type: PrintLogEntry['ownerType'];
  owner_id: string;
  document_kind: PrintLogEntry['kind'];
  item_id: string;
  document_number: string;
  record_version: number;
  content_hash: string;
  copy: number;
  output: PrintLogEntry['output'];
  printed_by_id: string;
  printed_by_name: string;
  printed_at: string;
}

const toEntry = (r: PrintLogRow): PrintLogEntry => ({
  id: r.id,
  ownerType: r.owner_type,
  ownerId: r.owner_id,
  kind: r.document_kind,
  itemId: r.item_id,
  documentNumber: r.document_number,
  recordVersion: r.record_version,
  contentHash: r.content_hash,
  copy: r.copy === 1,
  output: r.output,
  printedById: r.printed_by_id,
  printedByName: r.printed_by_name,
  printedAt: r.printed_at,
});

export class PrintLogRepository {
  private readonly insertStmt: Database.Statement;
  private readonly ownerStmt: Database.Statement;
  private readonly hashStmt: Database.Statement;

  constructor(db: Database.Database) {
    this.insertStmt = db.prepare(
      `INSERT INTO print_log (id, owner_type, owner_id, document_kind, item_id, document_number,
         record_version, content_hash, copy, output, printed_by_id, printed_by_name, printed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.ownerStmt = db.prepare(
      'SELECT * FROM print_log WHERE owner_type = ? AND owner_id = ? ORDER BY seq',
    );
    this.hashStmt = db.prepare('SELECT * FROM print_log WHERE content_hash = ? ORDER BY seq');
  }

  insert(e: PrintLogEntry): void {
    this.insertStmt.run(
      e.id,
      e.ownerType,
      e.ownerId,
      e.kind,
      e.itemId,
      e.documentNumber,
      e.recordVersion,
      e.contentHash,
      e.copy ? 1 : 0,
      e.output,
      e.printedById,
      e.printedByName,
      e.printedAt,
    );
  }

  /** A record's prints, oldest first. */
  listFor(ownerType: string, ownerId: string): PrintLogEntry[] {
    return (this.ownerStmt.all(ownerType, ownerId) as PrintLogRow[]).map(toEntry);
  }

  /** The prints of exactly this content, oldest first (the first is the original). */
  withContent(contentHash: string): PrintLogEntry[] {
    return (this.hashStmt.all(contentHash) as PrintLogRow[]).map(toEntry);
  }
}
