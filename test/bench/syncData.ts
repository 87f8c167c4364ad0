/**
 * Sync benchmark data: realistic spot-check records (the store benchmark's generator) and the
 * push requests a device would send for them — `create` mutations carrying the whole document,
 * numbered contiguously per device and stamped with the device's hybrid logical clock.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Enterprise } from '../../shared/schemas/enterprise';
import type { SpotCheckData } from '../../shared/schemas/spotCheck';
import { HybridClock } from '../../shared/sync/hlc';
import type { Mutation, PushRequest } from '../../shared/sync/protocol';
import { encodePushBody } from '../../shared/sync/pushBody';
import { def, makeEnterprise, makeSpotCheck, rng } from './seedData';

export interface BenchRecord {
  id: string;
  data: SpotCheckData;
}

const ENTERPRISES = 2_000;

/**
 * Records each server (Fieldcheck's, pouchdb-server) takes before anything is timed, from another
 * user into other storage, so neither is measured cold: a server in use has long been warm.
 */
export const WARM_UP_RECORDS = 5_000;

/** `count` spot checks over a pool of enterprises; deterministic content for a given seed. */
export function makeRecords(count: number, seed: number, createdBy: string): BenchRecord[] {
  const r = rng(seed);
  const at = new Date(Date.UTC(2024, 0, 1)).toISOString();
  const units: Enterprise[] = [];
  for (let i = 0; i < ENTERPRISES; i++) units.push(makeEnterprise(r, i, at));
  const out: BenchRecord[] = [];
  for (let i = 0; i < count; i++) {
    const unit = def(units[Math.floor(r() * units.length)]);
    const rec = makeSpotCheck(r, i, unit, createdBy, at);
    out.push({ id: rec.id, data: rec.data });
  }
  return out;
}

/** The create mutation the app writes to its outbox when an inspector starts a record. */
function createMutation(seq: number, rec: BenchRecord, clock: HybridClock): Mutation {
  return {
    seq,
    mutationId: uuidv7(),
    entity: 'spotCheck',
    entityId: rec.id,
    op: 'create',
    baseServerSeq: null,
    changes: { data: rec.data },
    hlc: clock.send(),
  };
}

/**
 * Push request bodies as the app sends them (NDJSON, shared/sync/pushBody.ts), serialized and UTF-8 encoded up front so the timed loop measures the
 * server and the wire, not the client building JSON. Seqs run from `firstSeq` on, contiguous across batches.
 */
export function pushBodies(
  deviceId: string,
  epoch: string,
  records: readonly BenchRecord[],
  batchSize: number,
  firstSeq = 1,
): Uint8Array<ArrayBuffer>[] {
  const clock = new HybridClock(deviceId);
  const utf8 = new TextEncoder();
  const bodies: Uint8Array<ArrayBuffer>[] = [];
  for (let start = 0; start < records.length; start += batchSize) {
    const batch = records
      .slice(start, start + batchSize)
      .map((rec, i) => createMutation(firstSeq + start + i, rec, clock));
    // Every batch after the first goes while the one before is unanswered (PUSH_WINDOW).
    const req: PushRequest = { deviceId, epoch, batch, ...(start > 0 ? { pipelined: true } : {}) };
    bodies.push(utf8.encode(encodePushBody(req)));
  }
  return bodies;
}

/** The document as the server stores a new draft: the PouchDB side replicates the same JSON. */
export function storedDoc(rec: BenchRecord, createdBy: string): Record<string, unknown> {
  return {
    _id: rec.id,
    status: 'draft',
    version: 1,
    supersedesId: null,
    supersededById: null,
    createdBy,
    submittedAt: null,
    submittedBy: null,
    data: rec.data,
  };
}
