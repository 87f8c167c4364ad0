/**
 * Document-number blocks this device holds, the numbers it issued, and block requests in flight
 * (db/migrations/007). The services keep the rules (core/numbers/); this file keeps the SQL.
 */
import type Database from 'better-sqlite3';
import type { NumberedDocType } from '../../shared/documents/numbers';
import type { NumberBlock } from '../../shared/sync/numberProtocol';

export interface LocalBlock {
  id: string;
  deviceId: string;
  docType: NumberedDocType;
  year: number;
  prefix: string;
  start: number;
  end: number;
  /** The next number to issue; past `end` once the block is used up. */
  next: number;
  receivedAt: string;
  reported: boolean;
}

export interface IssuedNumberRow {
  docType: NumberedDocType;
  year: number;
  prefix: string;
  number: number;
  text: string;
  blockId: string;
  ownerType: 'spotCheck' | 'case';
  ownerId: string;
  itemId: string;
  issuedBy: string;
  issuedAt: string;
}

export interface PendingRequest {
  requestId: string;
  docType: NumberedDocType;
  year: number;
  size: number;
  createdAt: string;
}

interface RawBlock {
  id: string;
  device_id: string;
  doc_type: NumberedDocType;
  year: number;
  prefix: string;
  seq_start: number;
  seq_end: number;
  next_seq: number;
  received_at: string;
  reported: number;
}

interface RawIssued {
  doc_type: NumberedDocType;
  year: number;
  prefix: string;
  number: number;
  text: string;
  block_id: string;
  owner_type: 'spotCheck' | 'case';
  owner_id: string;
  item_id: string;
  issued_by: string;
  issued_at: string;
}

const toBlock = (r: RawBlock): LocalBlock => ({
  id: r.id,
  deviceId: r.device_id,
  docType: r.doc_type,
  year: r.year,
  prefix: r.prefix,
  start: r.seq_start,
  end: r.seq_end,
  next: r.next_seq,
  receivedAt: r.received_at,
  reported: r.reported === 1,
});

const toIssued = (r: RawIssued): IssuedNumberRow => ({
  docType: r.doc_type,
  year: r.year,
  prefix: r.prefix,
  number: r.number,
  text: r.text,
  blockId: r.block_id,
  ownerType: r.owner_type,
  ownerId: r.owner_id,
  itemId: r.item_id,
  issuedBy: r.issued_by,
  issuedAt: r.issued_at,
});

export class NumberRepository {
  private readonly openStmt: Database.Statement;
  private readonly advanceStmt: Database.Statement;
  private readonly issuedStmt: Database.Statement;
  private readonly insertIssuedStmt: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.openStmt = db.prepare(
      `SELECT * FROM number_blocks WHERE doc_type = ? AND year = ? AND next_seq <= seq_end
       ORDER BY seq_start LIMIT 1`,
    );
    // Guarded by the old value: a second writer that read the same block cannot take its number.
    this.advanceStmt = db.prepare(
      'UPDATE number_blocks SET next_seq = next_seq + 1 WHERE id = ? AND next_seq = ? AND next_seq <= seq_end',
    );
    this.issuedStmt = db.prepare(
      `SELECT * FROM issued_numbers
       WHERE doc_type = ? AND owner_type = ? AND owner_id = ? AND item_id = ?`,
    );
    this.insertIssuedStmt = db.prepare(
      `INSERT INTO issued_numbers (doc_type, year, prefix, number, text, block_id, owner_type,
         owner_id, item_id, issued_by, issued_at)
       VALUES (@docType, @year, @prefix, @number, @text, @blockId, @ownerType, @ownerId, @itemId,
         @issuedBy, @issuedAt)`,
    );
  }

  /** A block from the server; one already held (a replayed answer) is left as it is. */
  adopt(block: NumberBlock, deviceId: string, at: string): boolean {
    const r = this.db
      .prepare(
        `INSERT INTO number_blocks (id, device_id, doc_type, year, prefix, seq_start, seq_end,
           next_seq, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      )
      .run(
        block.id,
        deviceId,
        block.docType,
        block.year,
        block.prefix,
        block.start,
        block.end,
        block.start,
        at,
      );
    return r.changes === 1;
  }

  /** The block the next number of this type and year comes from: the lowest one not used up. */
  openBlock(docType: string, year: number): LocalBlock | null {
    const r = this.openStmt.get(docType, year) as RawBlock | undefined;
    return r ? toBlock(r) : null;
  }

  /** Takes `block.next`; false if someone took it first (the caller reads again). */
  take(block: LocalBlock): boolean {
    return this.advanceStmt.run(block.id, block.next).changes === 1;
  }

  blocks(docType?: string, year?: number): LocalBlock[] {
    const rows =
      docType === undefined
        ? this.db.prepare('SELECT * FROM number_blocks ORDER BY doc_type, year, seq_start').all()
        : this.db
            .prepare(
              'SELECT * FROM number_blocks WHERE doc_type = ? AND year = ? ORDER BY seq_start',
            )
            .all(docType, year);
    return (rows as RawBlock[]).map(toBlock);
  }

  /** Used-up blocks the server has not been told about yet. */
  unreportedExhausted(): LocalBlock[] {
    return (
      this.db
        .prepare('SELECT * FROM number_blocks WHERE next_seq > seq_end AND reported = 0')
        .all() as RawBlock[]
    ).map(toBlock);
  }

  markReported(ids: readonly string[]): void {
    const stmt = this.db.prepare('UPDATE number_blocks SET reported = 1 WHERE id = ?');
    for (const id of ids) stmt.run(id);
  }

  issuedFor(
    docType: string,
    ownerType: string,
    ownerId: string,
    itemId: string,
  ): IssuedNumberRow | null {
    const r = this.issuedStmt.get(docType, ownerType, ownerId, itemId) as RawIssued | undefined;
    return r ? toIssued(r) : null;
  }

  insertIssued(row: IssuedNumberRow): void {
    this.insertIssuedStmt.run(row);
  }

  /** Numbers issued to one record's documents, in the order they were issued. */
  issuedByOwner(ownerType: string, ownerId: string): IssuedNumberRow[] {
    return (
      this.db
        .prepare('SELECT * FROM issued_numbers WHERE owner_type = ? AND owner_id = ? ORDER BY seq')
        .all(ownerType, ownerId) as RawIssued[]
    ).map(toIssued);
  }

  allIssued(): IssuedNumberRow[] {
    return (this.db.prepare('SELECT * FROM issued_numbers ORDER BY seq').all() as RawIssued[]).map(
      toIssued,
    );
  }

  pendingRequest(docType: string, year: number): PendingRequest | null {
    const r = this.db
      .prepare('SELECT * FROM number_requests WHERE doc_type = ? AND year = ?')
      .get(docType, year) as
      | {
          request_id: string;
          doc_type: NumberedDocType;
          year: number;
          size: number;
          created_at: string;
        }
      | undefined;
    return r
      ? {
          requestId: r.request_id,
          docType: r.doc_type,
          year: r.year,
          size: r.size,
          createdAt: r.created_at,
        }
      : null;
  }

  savePendingRequest(p: PendingRequest): void {
    this.db
      .prepare(
        `INSERT INTO number_requests (request_id, doc_type, year, size, created_at)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT (doc_type, year) DO NOTHING`,
      )
      .run(p.requestId, p.docType, p.year, p.size, p.createdAt);
  }

  dropPendingRequest(requestId: string): void {
    this.db.prepare('DELETE FROM number_requests WHERE request_id = ?').run(requestId);
  }
}
