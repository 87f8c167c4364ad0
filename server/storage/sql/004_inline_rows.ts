import { defineMigration } from '../migrationDef';

/**
 * Storage tuning for sync throughput; what is stored does not change.
 *
 * - Rows of synced documents and of the push log stay inline and uncompressed up to a full page
 *   (toast_tuple_target 8,160 bytes). A spot check is ~2 KB of JSON, just over the default
 *   threshold, so every push used to pglz-compress each document twice (entities.doc and
 *   mutations.changes) and every pull to decompress it. Larger rows are still compressed.
 * - The push log keeps what a device sent as `json` (the text, checked to be JSON) rather than
 *   `jsonb`: it is written on every push, read back only as a whole (replays), never queried
 *   inside, and building jsonb was a fifth of a push's database time. Values read back are the
 *   same JSON values as before.
 */
export const m004InlineRows = defineMigration(
  4,
  'inline rows',
  `
ALTER TABLE entities SET (toast_tuple_target = 8160);
--;
ALTER TABLE mutations SET (toast_tuple_target = 8160);
--;
ALTER TABLE mutations ALTER COLUMN changes TYPE json, ALTER COLUMN result TYPE json;
`,
);
