import { defineMigration } from '../migrationDef';

/**
 * Synced documents and their field stamps are stored as `json` (the text, checked to be JSON)
 * instead of `jsonb`. The server builds every document in Node and reads it back whole: pull
 * sends the stored text as it is, conflict detection parses it in Node. Inside the database only
 * a few keys are looked up (`->>` on enterprises' credit codes, attachments' hashes and reviews'
 * targets, all small or indexed), which `json` answers as well. Building jsonb from a 2 KB
 * spot check was about a third of the database's work per pushed record, and turning it back
 * into text a large part of each pull. Values read back are the same JSON values as before
 * (object keys in the order the server wrote them rather than jsonb's).
 *
 * The view over the push log reads `entities.doc`, so it is rebuilt around the type change.
 */
export const m008EntityDocsAsJson = defineMigration(
  8,
  'entity docs as json',
  `
DROP VIEW mutation_changes;
--;
ALTER TABLE entities
  ALTER COLUMN doc TYPE json USING doc::json,
  ALTER COLUMN fields DROP DEFAULT,
  ALTER COLUMN fields TYPE json USING fields::json,
  ALTER COLUMN fields SET DEFAULT '{}'::json;
--;
CREATE VIEW mutation_changes AS
SELECT m.device_id, m.seq, m.mutation_id,
       COALESCE(m.changes, json_build_object('data', e.doc -> 'data')) AS changes
FROM mutations m
LEFT JOIN entities e
  ON m.changes IS NULL AND e.entity = m.entity AND e.id = m.entity_id
     AND e.server_seq = m.server_seq;
`,
);
