import { defineMigration } from '../migrationDef';

/**
 * Synced documents are stored as `text` (their JSON text) instead of `json`. Every document the
 * server writes is JSON it made or parsed itself (JSON.stringify, or text JSON.parse accepted and
 * zod validated), so PostgreSQL's own check of that text repeated work already done: `json`'s
 * input function lexes the whole document, and for a 2 KB spot check that was 16% of the
 * backends' CPU time in a 40k push (perf). Reads parse the text in Node as before (pull still
 * sends it as it is).
 *
 * The few keys looked up inside the database go through `doc::json` (a cheap parse of a small
 * document, or of a spot check only where a query names it); the two expression indexes are
 * rebuilt on the same expressions, so the queries that name them still use them. The view over
 * the push log and the trigger that releases a create's payload read `data` the same way.
 */
export const m011EntityDocsAsText = defineMigration(
  11,
  'entity docs as text',
  `
DROP VIEW mutation_changes;
--;
DROP INDEX entities_credit_code;
--;
DROP INDEX entities_attachment_sha;
--;
ALTER TABLE entities ALTER COLUMN doc TYPE text USING doc::text;
--;
CREATE INDEX entities_credit_code ON entities ((doc::json ->> 'creditCode')) WHERE entity = 'enterprise';
--;
CREATE INDEX entities_attachment_sha ON entities ((doc::json ->> 'sha256')) WHERE entity = 'attachment';
--;
CREATE VIEW mutation_changes AS
SELECT m.device_id, m.seq, m.mutation_id,
       COALESCE(m.changes, json_build_object('data', e.doc::json -> 'data')) AS changes
FROM mutations m
LEFT JOIN entities e
  ON m.changes IS NULL AND e.entity = m.entity AND e.id = m.entity_id
     AND e.server_seq = m.server_seq;
--;
CREATE OR REPLACE FUNCTION fc_release_create_payload() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE mutations SET changes = json_build_object('data', OLD.doc::json -> 'data')
   WHERE server_seq = OLD.server_seq AND changes IS NULL
     AND entity = OLD.entity AND entity_id = OLD.id;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  NEW.holds_create_payload := false;
  RETURN NEW;
END
$$;
`,
);
