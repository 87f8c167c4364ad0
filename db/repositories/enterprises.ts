import type Database from 'better-sqlite3';
import type { Enterprise } from '../../shared/schemas/enterprise';
import type { EnterpriseListQuery, EnterpriseSummary, Page } from '../../shared/schemas/lists';
import { enterpriseSearchText } from '../search/documents';
import { FtsIndex } from '../search/ftsIndex';
import { runList } from './listQuery';

interface EnterpriseRow {
  id: string;
  name: string;
  credit_code: string;
  address: string;
  region_code: string;
  legal_representative: string;
  contact_person: string;
  contact_phone: string;
  licence_type: string;
  licence_number: string;
  credit_grade: string;
  list_status: string;
  revision: number;
  created_at: string;
  updated_at: string;
}

const SORT_COLUMNS = { name: 'name', updatedAt: 'updated_at', creditCode: 'credit_code' } as const;

const SUMMARY_COLUMNS = `t.id, t.name, t.credit_code, t.region_code, t.address,
  t.legal_representative, t.credit_grade, t.list_status, t.updated_at`;

function toEnterprise(r: EnterpriseRow): Enterprise {
  return {
    id: r.id,
    name: r.name,
    creditCode: r.credit_code,
    address: r.address,
    regionCode: r.region_code as Enterprise['regionCode'],
    legalRepresentative: r.legal_representative,
    contactPerson: r.contact_person,
    contactPhone: r.contact_phone,
    licenceType: r.licence_type,
    licenceNumber: r.licence_number,
    creditGrade: r.credit_grade as Enterprise['creditGrade'],
    listStatus: r.list_status as Enterprise['listStatus'],
    revision: r.revision,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function params(e: Enterprise) {
  return [
    e.name,
    e.creditCode,
    e.address,
    e.regionCode,
    e.legalRepresentative,
    e.contactPerson,
    e.contactPhone,
    e.licenceType,
    e.licenceNumber,
    e.creditGrade,
    e.listStatus,
    e.revision,
    e.updatedAt,
    enterpriseSearchText(e),
  ];
}

export class EnterpriseRepository {
  private readonly fts: FtsIndex;
  private readonly insertStmt: Database.Statement;
  private readonly updateStmt: Database.Statement;
  private readonly byIdStmt: Database.Statement;
  private readonly byCodeStmt: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.fts = new FtsIndex(db, 'enterprises_fts');
    this.insertStmt = db.prepare(
      `INSERT INTO enterprises (name, credit_code, address, region_code, legal_representative,
         contact_person, contact_phone, licence_type, licence_number, credit_grade, list_status,
         revision, updated_at, search_text, id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.updateStmt = db.prepare(
      `UPDATE enterprises SET name = ?, credit_code = ?, address = ?, region_code = ?,
         legal_representative = ?, contact_person = ?, contact_phone = ?, licence_type = ?,
         licence_number = ?, credit_grade = ?, list_status = ?, revision = ?, updated_at = ?,
         search_text = ?
       WHERE id = ? RETURNING seq`,
    );
    this.byIdStmt = db.prepare('SELECT * FROM enterprises WHERE id = ?');
    this.byCodeStmt = db.prepare('SELECT id, name FROM enterprises WHERE credit_code = ?');
  }

  get(id: string): Enterprise | null {
    const row = this.byIdStmt.get(id) as EnterpriseRow | undefined;
    return row ? toEnterprise(row) : null;
  }

  findByCreditCode(creditCode: string): { id: string; name: string } | null {
    return (this.byCodeStmt.get(creditCode) as { id: string; name: string } | undefined) ?? null;
  }

  insert(e: Enterprise): void {
    const info = this.insertStmt.run(...params(e), e.id, e.createdAt);
    this.fts.put(info.lastInsertRowid, enterpriseSearchText(e));
  }

  update(e: Enterprise): void {
    const row = this.updateStmt.get(...params(e), e.id) as { seq: number } | undefined;
    if (!row) throw new Error(`enterprise ${e.id} vanished during update`);
    this.fts.replace(row.seq, enterpriseSearchText(e));
  }

  list(q: EnterpriseListQuery): Page<EnterpriseSummary> {
    const where: string[] = [];
    const values: unknown[] = [];
    if (q.regionCode) {
      where.push('t.region_code = ?');
      values.push(q.regionCode);
    }
    if (q.listStatus) {
      where.push('t.list_status = ?');
      values.push(q.listStatus);
    }
    const { total, rows } = runList<EnterpriseRow>(this.db, {
      table: 'enterprises',
      fts: 'enterprises_fts',
      columns: SUMMARY_COLUMNS,
      where,
      params: values,
      q: q.q,
      orderColumn: SORT_COLUMNS[q.sort],
      dir: q.dir,
      offset: q.offset,
      limit: q.limit,
    });
    return {
      total,
      rows: rows.map((r) => ({
        id: r.id,
        name: r.name,
        creditCode: r.credit_code,
        regionCode: r.region_code,
        address: r.address,
        legalRepresentative: r.legal_representative,
        creditGrade: r.credit_grade,
        listStatus: r.list_status,
        updatedAt: r.updated_at,
      })),
    };
  }
}
