import { defineMigration } from '../migrationDef';

/**
 * The push log keeps a create's payload by reference instead of a second copy (sync/mutationLog.ts).
 *
 * Most creates store, as their document's `data`, exactly the `data` the device sent (the server
 * checks this exactly: sync/jsonReuse.ts). For those the log row's `changes` is NULL and the
 * entity row carries `holds_create_payload`: its document still is what the create wrote, at the
 * create's server_seq. Before such a row is changed or deleted in any way (by push, a handler's
 * own SQL, or an admin), the trigger copies `{"data": <doc.data>}` into the log row and clears the
 * flag; rows without the flag are not touched by it. So a log row's payload is always either in
 * the row or in the entity it names, never lost; `mutation_changes` reads it either way.
 * (Copied back from jsonb the payload is the same JSON value; its object keys may come in
 * jsonb's order.)
 */
export const m007CreatePayloadRef = defineMigration(
  7,
  'create payload by reference',
  `
ALTER TABLE mutations ALTER COLUMN changes DROP NOT NULL;
--;
ALTER TABLE entities ADD COLUMN holds_create_payload boolean NOT NULL DEFAULT false;
--;
CREATE FUNCTION fc_release_create_payload() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE mutations SET changes = json_build_object('data', OLD.doc -> 'data')
   WHERE entity = OLD.entity AND entity_id = OLD.id AND server_seq = OLD.server_seq
     AND changes IS NULL;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  NEW.holds_create_payload := false;
  RETURN NEW;
END
$$;
--;
CREATE TRIGGER entities_release_create_payload
  BEFORE UPDATE OR DELETE ON entities
  FOR EACH ROW WHEN (OLD.holds_create_payload)
  EXECUTE FUNCTION fc_release_create_payload();
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
