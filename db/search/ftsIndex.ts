import type Database from 'better-sqlite3';
import { toBigramDocument } from './bigrams';

export type FtsTable = 'enterprises_fts' | 'spot_checks_fts' | 'cases_fts';

/** Keeps one FTS5 table in step with its rows; callers run it inside the row's transaction. */
export class FtsIndex {
  private readonly insertStmt: Database.Statement;
  private readonly deleteStmt: Database.Statement;

  constructor(db: Database.Database, table: FtsTable) {
    this.insertStmt = db.prepare(`INSERT INTO ${table} (rowid, grams) VALUES (?, ?)`);
    this.deleteStmt = db.prepare(`DELETE FROM ${table} WHERE rowid = ?`);
  }

  put(seq: number | bigint, searchText: string): void {
    this.insertStmt.run(seq, toBigramDocument(searchText));
  }

  replace(seq: number | bigint, searchText: string): void {
    this.deleteStmt.run(seq);
    this.put(seq, searchText);
  }
}
