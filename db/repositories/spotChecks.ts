import type Database from 'better-sqlite3';
import type { Page, SpotCheckListQuery, SpotCheckSummary } from '../../shared/schemas/lists';
import type { SpotCheckData, SpotCheckRecord } from '../../shared/schemas/spotCheck';
import { spotCheckSearchText } from '../search/documents';
import { FtsIndex } from '../search/ftsIndex';
import { runList } from './listQuery';

interface SpotCheckRow {
  id: string;
  status: SpotCheckRecord['status'];
  version: number;
  supersedes_id: string | null;
  superseded_by_id: string | null;
  revision: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  review: string | null;
  data: string;
}

interface SummaryRow {
  id: string;
  status: SpotCheckRecord['status'];
  version: number;
  record_number: string;
  sample_name: string;
  unit_name: string;
  category_code: string;
  region_code: string;
  sampling_date: string;
  updated_at: string;
  superseded_by_id: string | null;
}

/** A submitted record waiting for a supervisor, as the review queue shows it. */
export interface AwaitingReview {
  summary: SpotCheckSummary;
  createdBy: string;
  submittedAt: string | null;
  /** The revision a decision names: the server's (1 for a record received before it was kept). */
  rev: number;
}

export interface VersionRef {
  id: string;
  version: number;
  status: SpotCheckRecord['status'];
}

const SORT_COLUMNS = {
  updatedAt: 'updated_at',
  samplingDate: 'sampling_date',
  recordNumber: 'record_number',
  sampleName: 'sample_name',
  unitName: 'unit_name',
} as const;

const SUMMARY_COLUMNS = `t.id, t.status, t.version, t.record_number, t.sample_name, t.unit_name,
  t.category_code, t.region_code, t.sampling_date, t.updated_at, t.superseded_by_id`;

const RECORD_COLUMNS = `s.id, s.status, s.version, s.supersedes_id, s.superseded_by_id,
  s.revision, s.created_by, s.created_at, s.updated_at, s.submitted_at, s.review, d.data`;

/** Row columns in write order; `search_text` and the list columns are derived from `data`. */
const COLUMNS = [
  'status',
  'version',
  'supersedes_id',
  'superseded_by_id',
  'revision',
  'created_by',
  'created_at',
  'updated_at',
  'submitted_at',
  'search_text',
  'record_number',
  'sample_name',
  'unit_name',
  'category_code',
  'region_code',
  'sampling_date',
  'review',
] as const;

type Review = NonNullable<SpotCheckRecord['review']>;

/** The latest review decision travels with the record; a record never reviewed has none. */
function toRecord(r: SpotCheckRow): SpotCheckRecord {
  const record: SpotCheckRecord = {
    id: r.id,
    status: r.status,
    version: r.version,
    supersedesId: r.supersedes_id,
    supersededById: r.superseded_by_id,
    revision: r.revision,
    data: JSON.parse(r.data) as SpotCheckData,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    submittedAt: r.submitted_at,
  };
  if (r.review !== null) record.review = JSON.parse(r.review) as Review;
  return record;
}

const toSummary = (r: SummaryRow): SpotCheckSummary => ({
  id: r.id,
  status: r.status,
  version: r.version,
  recordNumber: r.record_number,
  sampleName: r.sample_name,
  unitName: r.unit_name,
  categoryCode: r.category_code,
  regionCode: r.region_code,
  samplingDate: r.sampling_date,
  updatedAt: r.updated_at,
  supersededById: r.superseded_by_id,
});

function columnValues(r: SpotCheckRecord, searchText: string): unknown[] {
  const d = r.data;
  return [
    r.status,
    r.version,
    r.supersedesId,
    r.supersededById,
    r.revision,
    r.createdBy,
    r.createdAt,
    r.updatedAt,
    r.submittedAt,
    searchText,
    d.basic.recordNumber,
    d.sample.name,
    d.sampledUnit.name,
    d.basic.categoryCode,
    d.sampledUnit.regionCode,
    d.sample.samplingDate,
    r.review ? JSON.stringify(r.review) : null,
  ];
}

export class SpotCheckRepository {
  private readonly fts: FtsIndex;
  private readonly insertStmt: Database.Statement;
  private readonly insertDocStmt: Database.Statement;
  private readonly updateDocStmt: Database.Statement;
  private readonly seqStmt: Database.Statement;
  private readonly byIdStmt: Database.Statement;
  private readonly refStmt: Database.Statement;
  private readonly updateStmts = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    this.fts = new FtsIndex(db, 'spot_checks_fts');
    this.insertStmt = db.prepare(
      `INSERT INTO spot_checks (${COLUMNS.join(', ')}, id)
       VALUES (${COLUMNS.map(() => '?').join(', ')}, ?)`,
    );
    this.insertDocStmt = db.prepare('INSERT INTO spot_check_documents (seq, data) VALUES (?, ?)');
    this.updateDocStmt = db.prepare('UPDATE spot_check_documents SET data = ? WHERE seq = ?');
    this.seqStmt = db.prepare('SELECT seq FROM spot_checks WHERE id = ?');
    this.byIdStmt = db.prepare(
      `SELECT ${RECORD_COLUMNS} FROM spot_checks s JOIN spot_check_documents d ON d.seq = s.seq
       WHERE s.id = ?`,
    );
    this.refStmt = db.prepare(
      'SELECT id, version, status, supersedes_id, superseded_by_id FROM spot_checks WHERE id = ?',
    );
  }

  get(id: string): SpotCheckRecord | null {
    const row = this.byIdStmt.get(id) as SpotCheckRow | undefined;
    return row ? toRecord(row) : null;
  }

  insert(r: SpotCheckRecord): void {
    const searchText = spotCheckSearchText(r.data);
    const seq = this.insertStmt.run(...columnValues(r, searchText), r.id).lastInsertRowid;
    this.insertDocStmt.run(seq, JSON.stringify(r.data));
    this.fts.put(seq, searchText);
  }

  /**
   * Writes what changed between `prev` (as read in this transaction) and `next`. Only changed
   * columns are SET, so an autosave rewrites the document and the updated_at index, not every
   * index on the table; the search index is touched only when searchable text changed.
   */
  update(next: SpotCheckRecord, prev: SpotCheckRecord): void {
    const seqRow = this.seqStmt.get(next.id) as { seq: number } | undefined;
    if (!seqRow) throw new Error(`spot check ${next.id} vanished during update`);
    const prevText = spotCheckSearchText(prev.data);
    const nextText = spotCheckSearchText(next.data);
    const before = columnValues(prev, prevText);
    const after = columnValues(next, nextText);
    const changed = COLUMNS.filter((_, i) => before[i] !== after[i]);
    if (changed.length > 0) {
      const key = changed.join(',');
      let stmt = this.updateStmts.get(key);
      if (!stmt) {
        stmt = this.db.prepare(
          `UPDATE spot_checks SET ${changed.map((c) => `${c} = ?`).join(', ')} WHERE seq = ?`,
        );
        this.updateStmts.set(key, stmt);
      }
      stmt.run(...after.filter((_, i) => before[i] !== after[i]), seqRow.seq);
    }
    const json = JSON.stringify(next.data);
    if (json !== JSON.stringify(prev.data)) this.updateDocStmt.run(json, seqRow.seq);
    if (nextText !== prevText) this.fts.replace(seqRow.seq, nextText);
  }

  /** Current submitted records of other people, oldest submission first. */
  awaitingReview(exceptOwner: string): AwaitingReview[] {
    const rows = this.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS}, t.created_by, t.submitted_at, t.revision, t.server_rev
         FROM spot_checks t
         WHERE t.status = 'submitted' AND t.superseded_by_id IS NULL AND t.created_by <> ?
         ORDER BY t.submitted_at, t.seq`,
      )
      .all(exceptOwner) as (SummaryRow & {
      created_by: string;
      submitted_at: string | null;
      revision: number;
      server_rev: number | null;
    })[];
    return rows.map((r) => ({
      summary: toSummary(r),
      createdBy: r.created_by,
      submittedAt: r.submitted_at,
      rev: r.server_rev ?? 1,
    }));
  }

  /** The server's content revision of the record (what a review names), null until received. */
  serverRev(id: string): number | null {
    const row = this.db.prepare('SELECT server_rev FROM spot_checks WHERE id = ?').get(id) as
      { server_rev: number | null } | undefined;
    return row?.server_rev ?? null;
  }

  setServerRev(id: string, rev: number): void {
    this.db.prepare('UPDATE spot_checks SET server_rev = ? WHERE id = ?').run(rev, id);
  }

  /** Every version linked to this record, oldest first. */
  versions(id: string): VersionRef[] {
    type Ref = VersionRef & { supersedes_id: string | null; superseded_by_id: string | null };
    const load = (x: string) => this.refStmt.get(x) as Ref | undefined;
    const start = load(id);
    if (!start) return [];
    const chain: Ref[] = [start];
    const seen = new Set([start.id]);
    for (let r = start; r.supersedes_id && !seen.has(r.supersedes_id);) {
      const prev = load(r.supersedes_id);
      if (!prev) break;
      chain.unshift(prev);
      seen.add(prev.id);
      r = prev;
    }
    for (let r = start; r.superseded_by_id && !seen.has(r.superseded_by_id);) {
      const next = load(r.superseded_by_id);
      if (!next) break;
      chain.push(next);
      seen.add(next.id);
      r = next;
    }
    return chain.map((r) => ({ id: r.id, version: r.version, status: r.status }));
  }

  list(q: SpotCheckListQuery): Page<SpotCheckSummary> {
    const where: string[] = [];
    const values: unknown[] = [];
    if (q.statuses.length > 0) {
      where.push(`t.status IN (${q.statuses.map(() => '?').join(', ')})`);
      values.push(...q.statuses);
    }
    // Without STAT4 samples the planner guesses any two-sided range matches 1/64 of rows and
    // prefers the date index over region or category even when the range spans a year; the
    // unary + keeps it on the equality index in that case (measured: 130 ms -> 3 ms at 100k).
    const date = q.regionCode || q.categoryCode ? '+t.sampling_date' : 't.sampling_date';
    // Drafts without a sampling date never fall inside a date range.
    if (q.dateFrom) {
      where.push(`${date} >= ? AND t.sampling_date <> ''`);
      values.push(q.dateFrom);
    }
    if (q.dateTo) {
      where.push(`${date} <= ? AND t.sampling_date <> ''`);
      values.push(q.dateTo);
    }
    if (q.categoryCode) {
      where.push('t.category_code = ?');
      values.push(q.categoryCode);
    }
    if (q.regionCode) {
      where.push('t.region_code = ?');
      values.push(q.regionCode);
    }
    if (q.currentOnly) where.push('t.superseded_by_id IS NULL');
    const { total, rows } = runList<SummaryRow>(this.db, {
      table: 'spot_checks',
      fts: 'spot_checks_fts',
      columns: SUMMARY_COLUMNS,
      where,
      params: values,
      q: q.q,
      orderColumn: SORT_COLUMNS[q.sort],
      dir: q.dir,
      offset: q.offset,
      limit: q.limit,
    });
    return { total, rows: rows.map(toSummary) };
  }
}
