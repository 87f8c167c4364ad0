import { defineMigration } from './types';

/*
 * A refused create of a record (quarantined) is resolved when a later create of the same record
 * reaches the server: saved again after what was refused was fixed, the record was sent whole
 * and taken (core/sync/push.ts). The entry stays, as the history of what happened, with the time
 * it was resolved; it no longer counts as something to act on.
 */
const SQL = `
ALTER TABLE sync_quarantine ADD COLUMN resolved_at TEXT;
`;

export const m008QuarantineResolved = defineMigration(8, 'quarantine resolved', SQL);
