/**
 * Audit upload, the last step of a round (after the pull, whose rows add entries too): the
 * entries after the server-acknowledged head go up in batches bounded by count and bytes; the
 * server verifies the chain and answers with its head, or with the break it found. The verdict
 * is kept in sync state and shown by sync.status.
 *
 * A broken chain stops the upload for this round; the next round sends the same range again
 * and the server answers with the same report (it never accepts past a break). A server
 * restored from a backup answers `behind`: the device resends from the server's head.
 *
 * A failed upload (network, a refusal) does not fail the round: the records are pushed and
 * pulled by then. The failure is kept for sync.status and the next round sends the range again.
 */
import type { Store } from '../../db/store';
import type { ChainedAuditEntry } from '../../db/repositories/audit';
import type { MessageRef } from '../../shared/api/result';
import type {
  AuditChainStatus,
  AuditChainVerdict,
  AuditUploadFailure,
} from '../../shared/schemas/sync';
import {
  AUDIT_UPLOAD_LIMITS,
  type AuditPushRequest,
  type AuditPushResponse,
  type AuditUploadEntry,
} from '../../shared/sync/auditProtocol';
import { post, type RoundContext } from './context';
import { SyncHttpError, SyncNetworkError } from './http';

/** The verdict for the enrolled device (a re-enrolled device starts over at position 0). */
function verdictFor(store: Store, deviceId: string): AuditChainVerdict | null {
  const v = store.syncState.get('auditChain');
  return v && v.deviceId === deviceId ? v : null;
}

function saveVerdict(rc: RoundContext, verdict: AuditChainVerdict): void {
  rc.store.syncState.set('auditChain', { ...verdict, deviceId: rc.deviceId });
}

const toUpload = (e: ChainedAuditEntry): AuditUploadEntry => ({
  chainSeq: e.chainSeq,
  prevHash: e.prevHash,
  hash: e.hash,
  body: { ...e.body },
});

/** The next batch after `afterSeq`: at most the count limit, and within the byte budget. */
export function nextAuditBatch(
  store: Store,
  afterSeq: number,
  limits: { maxEntries: number; maxBytes: number },
): AuditUploadEntry[] {
  const budget = limits.maxBytes - AUDIT_UPLOAD_LIMITS.envelopeBytes;
  const batch: AuditUploadEntry[] = [];
  let bytes = 0;
  for (const e of store.audit.chainAfter(afterSeq, limits.maxEntries)) {
    const entry = toUpload(e);
    const size = Buffer.byteLength(JSON.stringify(entry), 'utf8') + 1;
    // One entry always goes, even alone over budget: the server's own limit then decides.
    if (batch.length > 0 && bytes + size > budget) break;
    batch.push(entry);
    bytes += size;
  }
  return batch;
}

export async function uploadAudit(rc: RoundContext): Promise<void> {
  const limits = {
    maxEntries: Math.min(rc.limits.maxBatchMutations, AUDIT_UPLOAD_LIMITS.maxEntries),
    maxBytes: Math.min(rc.limits.maxBatchBytes, AUDIT_UPLOAD_LIMITS.maxBytes),
  };
  let verdict = verdictFor(rc.store, rc.deviceId);
  let acknowledged = verdict?.acknowledgedSeq ?? 0;
  for (let behindRetried = false; ;) {
    const entries = nextAuditBatch(rc.store, acknowledged, limits);
    if (entries.length === 0) return;
    const req: AuditPushRequest = { deviceId: rc.deviceId, afterSeq: acknowledged, entries };
    const res = await post<AuditPushResponse>(rc, '/v1/audit/push', req);
    const checkedAt = rc.now().toISOString();
    acknowledged = res.head.chainSeq;
    if (res.status === 'behind') {
      // Once per round: a server that keeps moving backwards is retried next round.
      saveVerdict(rc, { acknowledgedSeq: acknowledged, break: verdict?.break ?? null, checkedAt });
      if (behindRetried) return;
      behindRetried = true;
      continue;
    }
    if (res.status === 'broken') {
      const { chainSeq, kind, detectedAt } = res.report;
      verdict = { acknowledgedSeq: acknowledged, break: { chainSeq, kind, detectedAt }, checkedAt };
      saveVerdict(rc, verdict);
      return;
    }
    verdict = { acknowledgedSeq: acknowledged, break: null, checkedAt };
    saveVerdict(rc, verdict);
    if (acknowledged < (entries.at(-1) as AuditUploadEntry).chainSeq) return;
  }
}

function failureMessage(err: unknown): MessageRef {
  if (err instanceof SyncNetworkError)
    return { key: 'e.syncNetwork', params: { detail: err.message } };
  return { key: 'e.syncServer', params: { message: (err as Error).message } };
}

/**
 * The round's last step. Closing the app and a revoked device still end the round as before;
 * any other failure is recorded as the audit chain's state instead of failing the round.
 */
export async function uploadAuditInRound(rc: RoundContext): Promise<void> {
  try {
    await uploadAudit(rc);
    rc.store.syncState.delete('auditUploadError');
  } catch (err) {
    if (rc.signal.aborted) throw err;
    if (err instanceof SyncHttpError && err.code === 'DEVICE_REVOKED') throw err;
    rc.store.syncState.set('auditUploadError', {
      deviceId: rc.deviceId,
      message: failureMessage(err),
      at: rc.now().toISOString(),
    });
  }
}

function uploadFailureFor(store: Store, deviceId: string): AuditUploadFailure | null {
  const f = store.syncState.get('auditUploadError');
  return f && f.deviceId === deviceId ? { message: f.message, at: f.at } : null;
}

/**
 * For sync.status: the last verdict, a failing upload, and how many entries wait for the next
 * upload. Null before the first upload was tried.
 */
export function auditChainStatus(store: Store, deviceId: string | null): AuditChainStatus | null {
  if (!deviceId) return null;
  const verdict = verdictFor(store, deviceId);
  const uploadError = uploadFailureFor(store, deviceId);
  if (!verdict && !uploadError) return null;
  const acknowledgedSeq = verdict?.acknowledgedSeq ?? 0;
  return {
    acknowledgedSeq,
    break: verdict?.break ?? null,
    checkedAt: verdict?.checkedAt ?? null,
    pendingEntries: Math.max(0, store.audit.head().chainSeq - acknowledgedSeq),
    uploadError,
  };
}
