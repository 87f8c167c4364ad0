/**
 * The entities one push batch reads and writes, held in memory for the batch and written a chunk
 * at a time instead of one round trip per mutation: new rows by bulk insert (binary COPY on
 * PostgreSQL and PGlite, storage/copyBinary.ts), changed rows by multi-row UPDATE.
 *
 * - `prefetch` reads every entity the batch names in one query; `load` serves from it.
 * - `insert` and `update` take their serverSeq at once (same order as before) and queue the row;
 *   a later write to the same entity in the batch replaces the queued one, so the database
 *   ends in the same state as with one statement per write.
 * - `flush` writes the queue. The batch flushes before any other statement of the transaction
 *   runs (see ../batchWrites.ts), so a handler's own SQL always sees every earlier write of the batch.
 *
 * Queued documents are kept as the JSON text that is written, and a row read back from the
 * queue is parsed from that text: it is exactly what a read from the database would return.
 * Once sent, a row is read from the database again (its statement runs first: see flush).
 * Why the cache is safe: every writer of synced data holds the counter lock (counter.ts) for its
 * whole transaction, so no other transaction changes these rows while the batch runs.
 */
import { changedLeaves, type Doc } from '../../../shared/sync/paths';
import type { Queryable, RowSet } from '../../storage/types';
import type { TextPart } from '../../storage/textParts';
import { insertRows, sendRows, type MultiRowStatement } from '../../storage/multiRow';
import { settleAll } from '../../storage/settle';
import { restamp } from '../conflicts';
import type { SeqAllocator } from '../counter';
import {
  docJsonReusing,
  jsonString,
  stringifyParts,
  type JsonText,
  type KnownJson,
} from '../jsonReuse';
import { loadEntity, toEntityRow, type EntityRow, type RawEntityRow } from './repo';
import { decodeStamps, encodeStamps, newStampsJson, type StoredStamps } from './stampCodec';

interface Queued {
  entity: string;
  id: string;
  unitId: string | null;
  ownerUserId: string | null;
  /** As written; parts when built from a text made once for the push log too (jsonReuse.ts). */
  docJson: JsonText;
  fieldsJson: string;
  serverSeq: number;
  /** Not in the database yet: INSERT (else UPDATE). */
  isNew: boolean;
}

type Cached = EntityRow | Queued | null;

const keyOf = (entity: string, id: string) => `${entity}\u0000${id}`;
const isQueued = (c: Cached): c is Queued => c !== null && 'docJson' in c;

/** New entity rows: bulk-inserted (binary COPY on PostgreSQL, see storage/copyBinary.ts). */
const INSERT_COLUMNS = {
  table: 'entities',
  columns: [
    'entity',
    'id',
    'unit_id',
    'owner_user_id',
    'doc',
    'fields',
    'server_seq',
    'holds_create_payload',
  ],
  types: ['text', 'text', 'uuid', 'uuid', 'text', 'json', 'int8', 'bool'],
} as const;
const SEQ = 6;
const HOLDS = 7;

/**
 * Marks a new row taken for writing as holding the payload of the create logged at `serverSeq`
 * (storage/sql/007): only if it is that create's version of the document. True if marked.
 */
export type HoldCreatePayload = (entity: string, id: string, serverSeq: number) => boolean;
const UPDATE: MultiRowStatement = {
  tag: 'entities_update',
  sql: `UPDATE entities e SET doc = v.doc, fields = v.fields, server_seq = v.server_seq, updated_at = now()
        FROM (VALUES %VALUES%) AS v(entity, id, doc, fields, server_seq)
        WHERE e.entity = v.entity AND e.id = v.id`,
  casts: ['::text', '::text', '::text', '::json', '::bigint'],
};

export interface NewEntityRow {
  entity: string;
  id: string;
  unitId: string | null;
  ownerUserId: string | null;
  doc: Doc;
  /** See NewEntity (types.ts): the text of `data`, which `doc` holds as null. */
  dataJson?: TextPart;
  dataIsSent?: boolean;
}

/**
 * An entity assumed absent (assumeAbsent) may exist, or the assumption can no longer be kept:
 * the batch is to be applied again with every entity looked up (push.ts).
 */
export class LookUpEverything extends Error {
  constructor() {
    super('an entity assumed absent may exist: apply the batch again with every entity looked up');
  }
}

export class BatchEntities {
  private readonly cache = new Map<string, Cached>();
  /** Some entity was assumed absent (assumeAbsent). */
  private assumed = false;
  /** The device of the last insert and its JSON text (see insert). */
  private device = '';
  private deviceJson = '""';
  private readonly queue = new Map<string, Queued>();

  constructor(
    private readonly tx: Queryable,
    private readonly seqs: SeqAllocator,
    /** JSON texts shared with the push log (see ../jsonReuse.ts). */
    private readonly known: KnownJson = new WeakMap(),
  ) {}

  /** Reads the named entities in one query (those not already known). */
  async prefetch(keys: readonly { entity: string; id: string }[]): Promise<void> {
    const entities: string[] = [];
    const ids: string[] = [];
    const seen = new Set<string>();
    for (const k of keys) {
      const key = keyOf(k.entity, k.id);
      if (this.cache.has(key) || seen.has(key)) continue;
      seen.add(key);
      entities.push(k.entity);
      ids.push(k.id);
    }
    if (ids.length === 0) return;
    const { rows } = await this.tx.query<RawEntityRow>(
      `SELECT e.* FROM entities e
       JOIN unnest($1::text[], $2::text[]) AS k(entity, id) ON e.entity = k.entity AND e.id = k.id`,
      [entities, ids],
    );
    for (const key of seen) this.cache.set(key, null);
    for (const r of rows) this.cache.set(keyOf(r.entity, r.id), toEntityRow(r));
  }

  /**
   * Takes these entities not to exist, without asking the database (prefetch then skips them):
   * only for rows the batch would insert, whose primary key refuses the statement if one does
   * exist, so the caller learns of it and can apply the batch again without this (push.ts).
   */
  assumeAbsent(keys: readonly { entity: string; id: string }[]): void {
    for (const k of keys) {
      const key = keyOf(k.entity, k.id);
      if (this.cache.has(key)) continue;
      this.cache.set(key, null);
      this.assumed = true;
    }
  }

  /** Whether any of these entities is in the database (behind the batch's writes sent so far). */
  async anyExists(keys: readonly { entity: string; id: string }[]): Promise<boolean> {
    if (keys.length === 0) return false;
    const { rows } = await this.tx.query(
      `SELECT 1 FROM entities e
       JOIN unnest($1::text[], $2::text[]) AS k(entity, id) ON e.entity = k.entity AND e.id = k.id
       LIMIT 1`,
      [keys.map((k) => k.entity), keys.map((k) => k.id)],
    );
    return rows.length > 0;
  }

  async load(entity: string, id: string): Promise<EntityRow | null> {
    const key = keyOf(entity, id);
    const hit = this.cache.get(key);
    if (hit === undefined) {
      // Not cached means not queued either: the database has the current row.
      const row = await loadEntity(this.tx, entity, id);
      this.cache.set(key, row);
      return row;
    }
    if (!isQueued(hit)) return hit;
    const doc = JSON.parse(jsonString(hit.docJson)) as Doc;
    return {
      entity: hit.entity,
      id: hit.id,
      unitId: hit.unitId,
      ownerUserId: hit.ownerUserId,
      doc,
      fields: decodeStamps(JSON.parse(hit.fieldsJson) as StoredStamps, doc),
      serverSeq: hit.serverSeq,
    };
  }

  /**
   * A new entity: every leaf stamped with its new serverSeq and the device. Returns the seq.
   * `sent`: the changes of the mutation that creates it, when the document may hold them as its
   * `data` (their JSON text is then made once for both, see ../jsonReuse.ts).
   */
  insert(row: NewEntityRow, deviceId: string, sent?: Record<string, unknown>): number {
    const seq = this.seqs.next();
    if (deviceId !== this.device) {
      this.device = deviceId;
      this.deviceJson = JSON.stringify(deviceId);
    }
    this.put({
      entity: row.entity,
      id: row.id,
      unitId: row.unitId,
      ownerUserId: row.ownerUserId,
      docJson: this.newDocJson(row, sent),
      fieldsJson: newStampsJson(row.doc, seq, this.deviceJson),
      serverSeq: seq,
      isNew: true,
    });
    return seq;
  }

  /** A new document's text: from its prepared data text when it has one (NewEntity.dataJson). */
  private newDocJson(row: NewEntityRow, sent?: Record<string, unknown>): JsonText {
    if (row.dataJson === undefined) return docJsonReusing(row.doc, sent, this.known);
    if (sent && row.dataIsSent) this.known.set(sent, ['{"data":', row.dataJson, '}']);
    return stringifyParts(row.doc, { data: row.dataJson });
  }

  /** Writes `doc` if anything changed; returns the entity's serverSeq afterwards. */
  update(row: EntityRow, doc: Doc, deviceId: string): number {
    const changed = changedLeaves(row.doc, doc);
    if (changed.length === 0) return row.serverSeq;
    const seq = this.seqs.next();
    const fields = restamp(row.fields, changed, seq, deviceId);
    const key = keyOf(row.entity, row.id);
    const queued = this.queue.get(key);
    this.put({
      entity: row.entity,
      id: row.id,
      unitId: queued ? queued.unitId : row.unitId,
      ownerUserId: queued ? queued.ownerUserId : row.ownerUserId,
      docJson: JSON.stringify(doc),
      fieldsJson: JSON.stringify(encodeStamps(fields, doc)),
      serverSeq: seq,
      isNew: queued?.isNew ?? false,
    });
    return seq;
  }

  get queued(): number {
    return this.queue.size;
  }

  /**
   * Takes the queued rows out for writing: new entities as a row set for a bulk insert, the
   * rest as rows of the multi-row UPDATE (see flush). Once taken, rows leave the cache too: a
   * later read in the batch goes to the database, behind their statements, and the batch does
   * not keep every document's JSON until it ends.
   */
  take(): { inserts: RowSet; updates: unknown[][]; hold: HoldCreatePayload } {
    const inserts: unknown[][] = [];
    const updates: unknown[][] = [];
    const fresh = new Map<string, unknown[]>();
    for (const q of this.queue.values()) {
      const key = keyOf(q.entity, q.id);
      this.cache.delete(key);
      if (q.isNew) {
        const row = [
          q.entity,
          q.id,
          q.unitId,
          q.ownerUserId,
          q.docJson,
          q.fieldsJson,
          q.serverSeq,
          false,
        ];
        inserts.push(row);
        fresh.set(key, row);
      } else updates.push([q.entity, q.id, jsonString(q.docJson), q.fieldsJson, q.serverSeq]);
    }
    this.queue.clear();
    // A row holds a create's payload only if it is written with that create's serverSeq: a later
    // write to it in the batch (queued over it) gave it another seq and another document.
    const hold: HoldCreatePayload = (entity, id, serverSeq) => {
      const row = fresh.get(keyOf(entity, id));
      if (!row || row[SEQ] !== serverSeq) return false;
      row[HOLDS] = true;
      return true;
    };
    return { inserts: { ...INSERT_COLUMNS, rows: inserts }, updates, hold };
  }

  /** Sends the UPDATE statements for rows taken with take(); see flush. */
  sendUpdates(updates: readonly unknown[][]): Promise<unknown>[] {
    return sendRows(this.tx, UPDATE, updates);
  }

  /**
   * Sends every queued row: new entities in one bulk insert, multi-row UPDATEs for the rest.
   * With a `tx` that runs statements in call order (storage/serial.ts), whatever the caller
   * sends next runs after them; the promise settles when they are done.
   */
  flush(): Promise<void> {
    if (this.queue.size === 0) return Promise.resolve();
    const { inserts, updates } = this.take();
    return settleAll([...insertRows(this.tx, [inserts]), ...this.sendUpdates(updates)]);
  }

  /**
   * Forgets what was read (after SQL that may have changed entities behind the cache). What was
   * assumed absent would be looked up again from here on, and answers given before would not
   * match: the batch must be applied again without assumptions.
   */
  invalidate(): void {
    if (this.queue.size > 0) throw new Error('BatchEntities.invalidate with queued writes');
    if (this.assumed) throw new LookUpEverything();
    this.cache.clear();
  }

  private put(q: Queued): void {
    const key = keyOf(q.entity, q.id);
    this.queue.set(key, q);
    this.cache.set(key, q);
  }
}
