/**
 * What the app's API says about sync, enrollment, conflicts and attachments. The wire
 * protocol between the app and the central endpoint is in shared/sync/protocol.ts.
 */
import { z } from 'zod';
import type { MessageRef } from '../api/result';
import type { ChainBreak } from '../audit/chain';
import type { Role } from '../sync/protocol';
import { uuid } from './fields';

export const SyncEnrollSchema = z.strictObject({
  serverUrl: z
    .string({ error: 'v.type' })
    .trim()
    .min(1, { error: 'v.required' })
    .max(300, { error: 'v.tooLong' })
    .regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, { error: 'v.url' }),
  code: z.string({ error: 'v.type' }).trim().min(4, { error: 'v.required' }).max(64),
  deviceName: z.string({ error: 'v.type' }).trim().min(1, { error: 'v.required' }).max(100),
});

export const SyncLoginSchema = z.strictObject({
  username: z.string({ error: 'v.type' }).trim().min(1, { error: 'v.required' }).max(64),
  password: z.string({ error: 'v.type' }).min(1, { error: 'v.required' }).max(256),
});

export type SyncPhase = 'idle' | 'pushing' | 'pulling' | 'uploading' | 'waiting';

export interface SyncUser {
  id: string;
  username: string;
  name: string;
  role: Role;
  unitId: string;
  unitName: string;
  credentialNumber: string;
}

export interface SyncStatus {
  /** This device has enrolled with a central endpoint. */
  enrolled: boolean;
  serverUrl: string | null;
  device: { id: string; name: string } | null;
  /** The signed-in user; null until someone logs in (online once, then offline too). */
  user: SyncUser | null;
  /** Set when the server refused this device as revoked; sync stops, local data stays. */
  revoked: { message: string; at: string } | null;
  /** Whether the endpoint answered the last attempt; null before the first. */
  reachable: boolean | null;
  phase: SyncPhase;
  progress: { done: number; total: number } | null;
  pendingMutations: number;
  pendingFiles: number;
  quarantined: number;
  openConflicts: number;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastError: MessageRef | null;
  nextAttemptAt: string | null;
  /** The server's verdict on this device's audit trail; absent before its first upload. */
  auditChain?: AuditChainStatus | null;
}

/** What the server last said about the hash-chained audit trail this device uploaded. */
export interface AuditChainVerdict {
  /** Entries (chain positions 1..n) the server verified and accepted. */
  acknowledgedSeq: number;
  /** The broken or missing link the server reported; null when every link held. */
  break: {
    chainSeq: number;
    kind: ChainBreak['kind'];
    detectedAt: string;
  } | null;
  checkedAt: string;
}

/** Why the last audit upload did not reach the server; the next round tries again. */
export interface AuditUploadFailure {
  message: MessageRef;
  at: string;
}

export interface AuditChainStatus extends Omit<AuditChainVerdict, 'checkedAt'> {
  /** When the server last answered an upload; null before it ever did. */
  checkedAt: string | null;
  /** Entries recorded on this device that the server has not accepted yet. */
  pendingEntries: number;
  /** Set while uploads fail (the round itself still counts: records are synced). */
  uploadError: AuditUploadFailure | null;
}

/** A change the server refused: kept, shown, and never blocking the ones after it. */
export interface QuarantinedChange {
  mutationId: string;
  seq: number;
  entity: string;
  entityId: string;
  op: string;
  /** What the inspector recognises: record number and sample, or enterprise name. */
  label: string;
  reason: string;
  message: string;
  fieldErrors?: Record<string, MessageRef>;
  at: string;
  /** When it was settled, and how (QuarantineResolution). Settled entries are history. */
  resolvedAt?: string;
  resolution?: QuarantineResolution;
}

/**
 * How a refusal was settled: 'taken' when a later save brought what it carried to the server,
 * 'superseded' when the later save was refused too (that entry stands for it), 'locked' when the
 * record no longer lets any of its fields change (a case's stage locked them): nothing of it can
 * go again, the entry keeps what was typed.
 */
export type QuarantineResolution = 'taken' | 'superseded' | 'locked';

export interface FieldConflictItem {
  conflictId: string;
  entity: string;
  entityId: string;
  label: string;
  field: string;
  serverValue: unknown;
  clientValue: unknown;
  at: string;
}

export const ConflictResolveSchema = z.strictObject({
  conflictId: z.string().min(1).max(64),
  choice: z.enum(['server', 'client'], { error: 'v.enum' }),
});

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const ATTACHMENT_MIME_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
] as const;

/** Records that hold attachments: a spot check's photos, a case's evidence and signatures. */
export const ATTACHMENT_OWNER_TYPES = ['spotCheck', 'case'] as const;
export type AttachmentOwnerType = (typeof ATTACHMENT_OWNER_TYPES)[number];

export const AttachmentAddSchema = z.strictObject({
  ownerType: z.enum(ATTACHMENT_OWNER_TYPES, { error: 'v.enum' }),
  ownerId: uuid,
  fileName: z.string({ error: 'v.type' }).trim().min(1).max(200, { error: 'v.tooLong' }),
  mimeType: z.enum(ATTACHMENT_MIME_TYPES, { error: 'v.fileType' }),
  /** Base64 of the file; the size limit is checked on the decoded bytes. */
  dataBase64: z
    .string({ error: 'v.type' })
    .max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 4, { error: 'v.fileTooLarge' }),
});

export interface AttachmentMeta {
  id: string;
  ownerType: AttachmentOwnerType;
  ownerId: string;
  sha256: string;
  fileName: string;
  mimeType: string;
  size: number;
  createdAt: string;
  /** The central endpoint holds the file (verified by hash). */
  uploaded: boolean;
}
