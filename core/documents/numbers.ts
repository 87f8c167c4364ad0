/**
 * The 文书字号 a form prints: the number issued to it on this device, or '' (a blank line to
 * write it by hand) while it has none. Printing never issues a number: that is the numbering's
 * own step (core/numbers/, which writes issued_numbers, local migration 007). This only reads
 * what was issued; before that migration is applied there is nothing to read.
 */
import type Database from 'better-sqlite3';
import type { DocumentKind, DocumentOwnerType } from '../../shared/documents/kinds';

interface IssuedRow {
  doc_type: string;
  item_id: string;
  text: string;
}

export function numberLookup(
  db: Database.Database,
  ownerType: DocumentOwnerType,
  ownerId: string,
): (kind: DocumentKind, itemId: string) => string {
  const table = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'issued_numbers'")
    .get();
  if (!table) return () => '';
  const issued = db
    .prepare(
      'SELECT doc_type, item_id, text FROM issued_numbers WHERE owner_type = ? AND owner_id = ?',
    )
    .all(ownerType, ownerId) as IssuedRow[];
  return (kind, itemId) =>
    issued.find((n) => n.doc_type === kind && n.item_id === itemId)?.text ?? '';
}
