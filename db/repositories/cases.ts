/**
 * Enforcement cases: the record as two JSON documents (workflow and data) with list columns
 * derived from them on every write, including `next_due`, the last day of the nearest running
 * deadline, so the list sorts by urgency without computing deadlines per row.
 */
import type Database from 'better-sqlite3';
import type { CaseListQuery } from '../../shared/api/caseContract';
import type { CaseRecord, CaseWorkflow } from '../../shared/domain/case/record';
import type { CaseStage, CaseTransition } from '../../shared/domain/case/stages';
import { nearestDeadline, type DeadlineFacts } from '../../shared/domain/deadlines/compute';
import type { CaseData } from '../../shared/schemas/case';
import type { CaseDoc } from '../../shared/sync/caseDoc';
import { caseSearchText } from '../search/documents';
import { FtsIndex } from '../search/ftsIndex';
import { runList } from './listQuery';

interface CaseRow {
  id: string;
  owner_user_id: string;
  owner_name: string;
  unit_id: string | null;
  workflow: string;
  data: string;
  created_at: string;
  updated_at: string;
}

interface SummaryRow {
  id: string;
  stage: CaseStage;
  pending_step: CaseTransition | null;
  cause: string;
  party_name: string;
  product_name: string;
  source: string;
  owner_user_id: string;
  owner_name: string;
  created_at: string;
  updated_at: string;
  rev: number;
  filed_at: string | null;
  decided_at: string | null;
  discovered_at: string;
  notice: string;
  measures: string;
}

/** A list row: what the summary shows, plus the facts its deadlines are computed from. */
export interface CaseListRow {
  id: string;
  stage: CaseStage;
  pendingStep: CaseTransition | null;
  cause: string;
  partyName: string;
  productName: string;
  source: string;
  ownerUserId: string;
  ownerName: string;
  createdAt: string;
  updatedAt: string;
  rev: number;
  facts: DeadlineFacts;
}

const SORT_COLUMNS = {
  deadline: 'next_due',
  updatedAt: 'updated_at',
  createdAt: 'created_at',
} as const;

const SUMMARY_COLUMNS = `t.id, t.stage, t.pending_step, t.cause, t.party_name, t.product_name,
  t.source, t.owner_user_id, t.owner_name, t.created_at, t.updated_at, t.rev,
  json_extract(t.workflow, '$.filedAt') AS filed_at,
  json_extract(t.workflow, '$.decidedAt') AS decided_at,
  json_extract(t.data, '$.discoveredAt') AS discovered_at,
  json_extract(t.data, '$.notice') AS notice,
  json_extract(t.data, '$.measures') AS measures`;

/** Columns in write order, every one derived from the record. */
const COLUMNS = [
  'owner_user_id',
  'owner_name',
  'unit_id',
  'stage',
  'rev',
  'pending_step',
  'next_due',
  'source',
  'cause',
  'party_name',
  'product_name',
  'workflow',
  'data',
  'created_at',
  'updated_at',
  'search_text',
] as const;

export function workflowOf(r: CaseWorkflow): CaseWorkflow {
  return {
    stage: r.stage,
    rev: r.rev,
    pending: r.pending,
    approvals: r.approvals,
    stageHistory: r.stageHistory,
    filedAt: r.filedAt,
    decidedAt: r.decidedAt,
    closedAt: r.closedAt,
  };
}

export function deadlineFacts(r: Pick<CaseRecord, 'stage' | 'data' | 'filedAt' | 'decidedAt'>) {
  return { stage: r.stage, data: r.data, filedAt: r.filedAt, decidedAt: r.decidedAt };
}

/** The last day of the nearest running deadline; it does not depend on today. */
function nextDue(r: CaseRecord): string | null {
  return nearestDeadline(deadlineFacts(r), { today: r.updatedAt.slice(0, 10) })?.due ?? null;
}

function firstPartyName(d: CaseData): string {
  return d.parties.find((p) => p.name.trim() !== '')?.name ?? '';
}

function columnValues(r: CaseRecord, searchText: string): unknown[] {
  return [
    r.ownerUserId,
    r.ownerName,
    r.unitId,
    r.stage,
    r.rev,
    r.pending?.step ?? null,
    nextDue(r),
    r.data.source,
    r.data.cause,
    firstPartyName(r.data),
    r.data.product.name,
    JSON.stringify(workflowOf(r)),
    JSON.stringify(r.data),
    r.createdAt,
    r.updatedAt,
    searchText,
  ];
}

function toRecord(row: CaseRow): CaseRecord {
  return {
    id: row.id,
    ownerUserId: row.owner_user_id,
    ownerName: row.owner_name,
    unitId: row.unit_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(JSON.parse(row.workflow) as CaseWorkflow),
    data: JSON.parse(row.data) as CaseData,
  };
}

function toListRow(r: SummaryRow): CaseListRow {
  const notice = JSON.parse(r.notice) as CaseData['notice'];
  const measures = JSON.parse(r.measures) as CaseData['measures'];
  return {
    id: r.id,
    stage: r.stage,
    pendingStep: r.pending_step,
    cause: r.cause,
    partyName: r.party_name,
    productName: r.product_name,
    source: r.source,
    ownerUserId: r.owner_user_id,
    ownerName: r.owner_name,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    rev: r.rev,
    facts: {
      stage: r.stage,
      data: { discoveredAt: r.discovered_at, notice, measures },
      filedAt: r.filed_at,
      decidedAt: r.decided_at,
    },
  };
}

export class CaseRepository {
  private readonly fts: FtsIndex;
  private readonly insertStmt: Database.Statement;
  private readonly byIdStmt: Database.Statement;
  private readonly seqStmt: Database.Statement;
  private readonly serverDocStmt: Database.Statement;
  private readonly setServerDocStmt: Database.Statement;
  private readonly updateStmts = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    this.fts = new FtsIndex(db, 'cases_fts');
    this.insertStmt = db.prepare(
      `INSERT INTO cases (${COLUMNS.join(', ')}, server_doc, id)
       VALUES (${COLUMNS.map(() => '?').join(', ')}, ?, ?)`,
    );
    this.byIdStmt = db.prepare(
      `SELECT id, owner_user_id, owner_name, unit_id, workflow, data, created_at, updated_at
       FROM cases WHERE id = ?`,
    );
    this.seqStmt = db.prepare('SELECT seq FROM cases WHERE id = ?');
    this.serverDocStmt = db.prepare('SELECT server_doc FROM cases WHERE id = ?');
    this.setServerDocStmt = db.prepare('UPDATE cases SET server_doc = ? WHERE id = ?');
  }

  get(id: string): CaseRecord | null {
    const row = this.byIdStmt.get(id) as CaseRow | undefined;
    return row ? toRecord(row) : null;
  }

  /** The document last received from the server, or null when it never arrived. */
  serverDoc(id: string): CaseDoc | null {
    const row = this.serverDocStmt.get(id) as { server_doc: string | null } | undefined;
    return row?.server_doc ? (JSON.parse(row.server_doc) as CaseDoc) : null;
  }

  setServerDoc(id: string, doc: CaseDoc): void {
    this.setServerDocStmt.run(JSON.stringify(doc), id);
  }

  insert(r: CaseRecord, serverDoc: CaseDoc | null = null): void {
    const text = caseSearchText(r.data);
    const seq = this.insertStmt.run(
      ...columnValues(r, text),
      serverDoc ? JSON.stringify(serverDoc) : null,
      r.id,
    ).lastInsertRowid;
    this.fts.put(seq, text);
  }

  /** Writes the columns that changed between `prev` (read in this transaction) and `next`. */
  update(next: CaseRecord, prev: CaseRecord): void {
    const seqRow = this.seqStmt.get(next.id) as { seq: number } | undefined;
    if (!seqRow) throw new Error(`case ${next.id} vanished during update`);
    const prevText = caseSearchText(prev.data);
    const nextText = caseSearchText(next.data);
    const before = columnValues(prev, prevText);
    const after = columnValues(next, nextText);
    const changed = COLUMNS.filter((_, i) => before[i] !== after[i]);
    if (changed.length > 0) {
      const key = changed.join(',');
      let stmt = this.updateStmts.get(key);
      if (!stmt) {
        stmt = this.db.prepare(
          `UPDATE cases SET ${changed.map((c) => `${c} = ?`).join(', ')} WHERE seq = ?`,
        );
        this.updateStmts.set(key, stmt);
      }
      stmt.run(...after.filter((_, i) => before[i] !== after[i]), seqRow.seq);
    }
    if (nextText !== prevText) this.fts.replace(seqRow.seq, nextText);
  }

  /** A page of cases; `ownerUserId` limits it to one officer's cases. */
  list(
    q: CaseListQuery,
    ownerUserId: string | null = null,
  ): { total: number; rows: CaseListRow[] } {
    const where: string[] = [];
    const params: unknown[] = [];
    if (ownerUserId !== null) {
      where.push('t.owner_user_id = ?');
      params.push(ownerUserId);
    }
    if (q.stages.length > 0) {
      where.push(`t.stage IN (${q.stages.map(() => '?').join(', ')})`);
      params.push(...q.stages);
    }
    if (q.pendingOnly) where.push('t.pending_step IS NOT NULL');
    const { total, rows } = runList<SummaryRow>(this.db, {
      table: 'cases',
      fts: 'cases_fts',
      columns: SUMMARY_COLUMNS,
      where,
      params,
      q: q.q,
      orderColumn: SORT_COLUMNS[q.sort],
      nullsLast: q.sort === 'deadline',
      dir: q.dir,
      offset: q.offset,
      limit: q.limit,
    });
    return { total, rows: rows.map(toListRow) };
  }

  /** Cases with a step waiting for approval, other than `exceptOwner`'s own, oldest first. */
  awaitingApproval(exceptOwner: string): CaseRecord[] {
    const rows = this.db
      .prepare(
        `SELECT id, owner_user_id, owner_name, unit_id, workflow, data, created_at, updated_at
         FROM cases WHERE pending_step IS NOT NULL AND owner_user_id <> ? ORDER BY seq`,
      )
      .all(exceptOwner) as CaseRow[];
    return rows.map(toRecord);
  }

  /** A case that links this spot check (opened from it), if any. */
  linkedTo(spotCheckId: string): string | null {
    const row = this.db
      .prepare(
        `SELECT c.id FROM cases c, json_each(c.data, '$.linkedSpotCheckIds') j
         WHERE j.value = ? ORDER BY c.seq LIMIT 1`,
      )
      .get(spotCheckId) as { id: string } | undefined;
    return row?.id ?? null;
  }
}
