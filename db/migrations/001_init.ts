import type Database from 'better-sqlite3';
import { CATEGORY_SEED } from '../../shared/domain/categories';
import { defineMigration } from './types';

/*
 * Every table is STRICT so a wrong type is an error, not a silent conversion.
 * Tables that are searched carry `seq INTEGER PRIMARY KEY` as a stable rowid (VACUUM may
 * renumber implicit rowids) so their FTS5 rows can point at them; the public id stays a
 * client-made UUIDv7.
 */
const SQL = `
CREATE TABLE profile (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  credential_number TEXT NOT NULL,
  unit_name TEXT NOT NULL,
  region_code TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE product_categories (
  code TEXT PRIMARY KEY,
  zh TEXT NOT NULL,
  en TEXT NOT NULL,
  sort_order INTEGER NOT NULL
) STRICT;

CREATE TABLE products (
  code TEXT PRIMARY KEY,
  category_code TEXT NOT NULL REFERENCES product_categories (code),
  zh TEXT NOT NULL,
  en TEXT NOT NULL,
  standard TEXT NOT NULL,
  sort_order INTEGER NOT NULL
) STRICT;
CREATE INDEX products_category ON products (category_code, sort_order);

CREATE TABLE enterprises (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  credit_code TEXT NOT NULL UNIQUE,
  address TEXT NOT NULL,
  region_code TEXT NOT NULL,
  legal_representative TEXT NOT NULL,
  contact_person TEXT NOT NULL,
  contact_phone TEXT NOT NULL,
  licence_type TEXT NOT NULL,
  licence_number TEXT NOT NULL,
  credit_grade TEXT NOT NULL,
  list_status TEXT NOT NULL CHECK (list_status IN ('none', 'red', 'black')),
  revision INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  search_text TEXT NOT NULL
) STRICT;
CREATE INDEX enterprises_name ON enterprises (name);
CREATE INDEX enterprises_updated ON enterprises (updated_at);
CREATE INDEX enterprises_region ON enterprises (region_code, updated_at);
CREATE INDEX enterprises_list_status ON enterprises (list_status, updated_at);

-- List columns only: filters, sorts and counts scan these small rows. The record's JSON
-- document (often 2-3 KB) lives in spot_check_documents so it never slows a list down.
CREATE TABLE spot_checks (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
  version INTEGER NOT NULL,
  supersedes_id TEXT REFERENCES spot_checks (id),
  superseded_by_id TEXT REFERENCES spot_checks (id),
  revision INTEGER NOT NULL,
  record_number TEXT NOT NULL,
  sample_name TEXT NOT NULL,
  unit_name TEXT NOT NULL,
  category_code TEXT NOT NULL,
  region_code TEXT NOT NULL,
  sampling_date TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  submitted_at TEXT,
  search_text TEXT NOT NULL
) STRICT;
-- Single-column indexes (the rowid rides along as tie-breaker): a save touches only the
-- indexes of columns it changes, and autosave changes updated_at every time.
CREATE INDEX spot_checks_updated ON spot_checks (updated_at);
CREATE INDEX spot_checks_sampling_date ON spot_checks (sampling_date);
CREATE INDEX spot_checks_record_number ON spot_checks (record_number);
CREATE INDEX spot_checks_sample_name ON spot_checks (sample_name);
CREATE INDEX spot_checks_unit_name ON spot_checks (unit_name);
CREATE INDEX spot_checks_status ON spot_checks (status);
CREATE INDEX spot_checks_category ON spot_checks (category_code);
CREATE INDEX spot_checks_region ON spot_checks (region_code);
CREATE INDEX spot_checks_superseded_by ON spot_checks (superseded_by_id);
CREATE UNIQUE INDEX spot_checks_supersedes ON spot_checks (supersedes_id) WHERE supersedes_id IS NOT NULL;

CREATE TABLE spot_check_documents (
  seq INTEGER PRIMARY KEY REFERENCES spot_checks (seq),
  data TEXT NOT NULL CHECK (json_valid(data))
) STRICT;

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  entity_type TEXT NOT NULL CHECK (entity_type IN ('enterprise', 'spotCheck', 'profile')),
  entity_id TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'submit', 'correct')),
  actor_id TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  at TEXT NOT NULL,
  changes TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, seq);

-- Search index: contentless FTS5 over bigram documents (db/search/bigrams.ts); rowid = seq of
-- the indexed row. contentless_delete lets a row be replaced without its old document.
CREATE VIRTUAL TABLE enterprises_fts USING fts5 (
  grams, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE spot_checks_fts USING fts5 (
  grams, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
);
`;

function seedCatalog(db: Database.Database): void {
  const insertCategory = db.prepare(
    'INSERT INTO product_categories (code, zh, en, sort_order) VALUES (?, ?, ?, ?)',
  );
  const insertProduct = db.prepare(
    'INSERT INTO products (code, category_code, zh, en, standard, sort_order) VALUES (?, ?, ?, ?, ?, ?)',
  );
  CATEGORY_SEED.forEach((c, i) => {
    insertCategory.run(c.code, c.zh, c.en, i);
    c.products.forEach((p, j) => insertProduct.run(p.code, c.code, p.zh, p.en, p.standard, j));
  });
}

export const m001Init = defineMigration(1, 'init', SQL, seedCatalog);
