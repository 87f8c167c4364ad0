import { defineMigration } from '../migrationDef';

/**
 * The references of the two tables every push writes (`entities.unit_id`,
 * `entities.owner_user_id`, `mutations.device_id`) are checked once per statement instead of
 * once per row, with the guarantees of the foreign keys they replace.
 *
 * A foreign key checks each inserted row with a query of its own: for a 500-record push that is
 * 1,500 lookups of the same one unit, one user and one device, about a quarter of the database's
 * work per record. Here an AFTER INSERT ... FOR EACH STATEMENT trigger sees the statement's new
 * rows (a transition table, which COPY fills too) and checks each distinct id once.
 *
 * Kept from the foreign keys:
 * - a row cannot name a unit, user or device that does not exist (on insert, per statement; on
 *   an update that changes a reference, per row — nothing in the server does that);
 * - a unit, user or device that rows name cannot be deleted, nor its id changed;
 * - no race between the two: the checking statement locks the rows it names FOR KEY SHARE, as a
 *   foreign key's check does, so a delete waits for the inserting transaction and then finds its
 *   rows (each check reads the latest committed state, which holds in READ COMMITTED, the
 *   server's level for writes; a delete or id change under an older snapshot is refused with
 *   serialization_failure, since rows committed after the snapshot would be missed); a row
 *   deleted before the lock is not locked, so it counts as missing;
 * - TRUNCATE of a unit, user or device table is refused while rows name any of its rows
 *   (CASCADE no longer reaches `entities` or `mutations`: it is refused instead).
 * Violations raise foreign_key_violation (23503). Tables are named with the trigger's own schema,
 * never looked up through search_path.
 *
 * Trigger arguments name the references: (column, referenced table) pairs on the referencing
 * side, (referencing table, column) pairs on the referenced side; the referenced key is `id`.
 */
export const m009SetBasedReferences = defineMigration(
  9,
  'set-based reference checks on entities and mutations',
  `
ALTER TABLE entities
  DROP CONSTRAINT entities_unit_id_fkey,
  DROP CONSTRAINT entities_owner_user_id_fkey;
--;
ALTER TABLE mutations DROP CONSTRAINT mutations_device_id_fkey;
--;
CREATE FUNCTION fc_refs_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  i int := 0;
  wanted bigint;
  locked bigint;
BEGIN
  WHILE i < TG_NARGS LOOP
    EXECUTE format('SELECT count(DISTINCT %I) FROM new_rows', TG_ARGV[i]) INTO wanted;
    IF wanted > 0 THEN
      EXECUTE format(
        'SELECT count(*) FROM (SELECT 1 FROM %I.%I WHERE id IN (SELECT %I FROM new_rows) FOR KEY SHARE) l',
        TG_TABLE_SCHEMA, TG_ARGV[i + 1], TG_ARGV[i]) INTO locked;
      IF locked < wanted THEN
        RAISE EXCEPTION 'rows inserted into "%" name a row of "%" that does not exist (%)',
          TG_TABLE_NAME, TG_ARGV[i + 1], TG_ARGV[i]
          USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME, COLUMN = TG_ARGV[i],
                CONSTRAINT = TG_TABLE_NAME || '_' || TG_ARGV[i] || '_ref';
      END IF;
    END IF;
    i := i + 2;
  END LOOP;
  RETURN NULL;
END
$$;
--;
CREATE FUNCTION fc_refs_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  i int := 0;
  ref uuid;
  changed boolean;
  found_id uuid;
BEGIN
  WHILE i < TG_NARGS LOOP
    EXECUTE format('SELECT ($1).%1$I, ($1).%1$I IS DISTINCT FROM ($2).%1$I', TG_ARGV[i])
      USING NEW, OLD INTO ref, changed;
    IF changed AND ref IS NOT NULL THEN
      EXECUTE format('SELECT id FROM %I.%I WHERE id = $1 FOR KEY SHARE', TG_TABLE_SCHEMA, TG_ARGV[i + 1])
        USING ref INTO found_id;
      IF found_id IS NULL THEN
        RAISE EXCEPTION 'a row updated in "%" names a row of "%" that does not exist (%)',
          TG_TABLE_NAME, TG_ARGV[i + 1], TG_ARGV[i]
          USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME, COLUMN = TG_ARGV[i],
                CONSTRAINT = TG_TABLE_NAME || '_' || TG_ARGV[i] || '_ref';
      END IF;
    END IF;
    i := i + 2;
  END LOOP;
  RETURN NULL;
END
$$;
--;
CREATE FUNCTION fc_refs_kept() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  i int := 0;
  named boolean;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.id = OLD.id THEN
    RETURN NULL;
  END IF;
  -- The check reads the latest committed rows only in READ COMMITTED; an older snapshot could
  -- miss rows committed since it was taken (a foreign key rechecks those, a trigger cannot).
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'cannot % a row of "%" outside READ COMMITTED: rows naming it may not be visible',
      lower(TG_OP), TG_TABLE_NAME
      USING ERRCODE = 'serialization_failure';
  END IF;
  WHILE i < TG_NARGS LOOP
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I.%I WHERE %I = $1)',
      TG_TABLE_SCHEMA, TG_ARGV[i], TG_ARGV[i + 1])
      USING OLD.id INTO named;
    IF named THEN
      RAISE EXCEPTION 'cannot % a row of "%": rows of "%" name it (%)',
        lower(TG_OP), TG_TABLE_NAME, TG_ARGV[i], TG_ARGV[i + 1]
        USING ERRCODE = 'foreign_key_violation', TABLE = TG_ARGV[i], COLUMN = TG_ARGV[i + 1],
              CONSTRAINT = TG_ARGV[i] || '_' || TG_ARGV[i + 1] || '_ref';
    END IF;
    i := i + 2;
  END LOOP;
  RETURN NULL;
END
$$;
--;
CREATE FUNCTION fc_refs_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  i int := 0;
  named boolean;
BEGIN
  WHILE i < TG_NARGS LOOP
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I.%I WHERE %I IS NOT NULL)',
      TG_TABLE_SCHEMA, TG_ARGV[i], TG_ARGV[i + 1]) INTO named;
    IF named THEN
      RAISE EXCEPTION 'cannot truncate "%": rows of "%" name its rows (%)',
        TG_TABLE_NAME, TG_ARGV[i], TG_ARGV[i + 1]
        USING ERRCODE = 'foreign_key_violation', TABLE = TG_ARGV[i], COLUMN = TG_ARGV[i + 1],
              CONSTRAINT = TG_ARGV[i] || '_' || TG_ARGV[i + 1] || '_ref';
    END IF;
    i := i + 2;
  END LOOP;
  RETURN NULL;
END
$$;
--;
CREATE TRIGGER entities_refs_inserted AFTER INSERT ON entities
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION fc_refs_inserted('unit_id', 'units', 'owner_user_id', 'users');
--;
CREATE TRIGGER entities_refs_changed AFTER UPDATE OF unit_id, owner_user_id ON entities
  FOR EACH ROW
  WHEN (OLD.unit_id IS DISTINCT FROM NEW.unit_id OR OLD.owner_user_id IS DISTINCT FROM NEW.owner_user_id)
  EXECUTE FUNCTION fc_refs_changed('unit_id', 'units', 'owner_user_id', 'users');
--;
CREATE TRIGGER mutations_refs_inserted AFTER INSERT ON mutations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION fc_refs_inserted('device_id', 'devices');
--;
CREATE TRIGGER mutations_refs_changed AFTER UPDATE OF device_id ON mutations
  FOR EACH ROW WHEN (OLD.device_id IS DISTINCT FROM NEW.device_id)
  EXECUTE FUNCTION fc_refs_changed('device_id', 'devices');
--;
CREATE TRIGGER units_refs_kept AFTER DELETE OR UPDATE OF id ON units
  FOR EACH ROW EXECUTE FUNCTION fc_refs_kept('entities', 'unit_id');
--;
CREATE TRIGGER users_refs_kept AFTER DELETE OR UPDATE OF id ON users
  FOR EACH ROW EXECUTE FUNCTION fc_refs_kept('entities', 'owner_user_id');
--;
CREATE TRIGGER devices_refs_kept AFTER DELETE OR UPDATE OF id ON devices
  FOR EACH ROW EXECUTE FUNCTION fc_refs_kept('mutations', 'device_id');
--;
CREATE TRIGGER units_refs_truncate BEFORE TRUNCATE ON units
  FOR EACH STATEMENT EXECUTE FUNCTION fc_refs_truncate('entities', 'unit_id');
--;
CREATE TRIGGER users_refs_truncate BEFORE TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION fc_refs_truncate('entities', 'owner_user_id');
--;
CREATE TRIGGER devices_refs_truncate BEFORE TRUNCATE ON devices
  FOR EACH STATEMENT EXECUTE FUNCTION fc_refs_truncate('mutations', 'device_id');
`,
);
