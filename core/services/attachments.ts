/**
 * attachments.add / list / read: photos, scans and signatures on a spot check or a case.
 *
 * Attachments are evidence of the record as it is being made, so they are added only while the
 * record's owner may still change it (core/attachments/owner.ts): a spot check while it is a
 * draft (or returned), a case until it reaches a final stage. A submitted spot check is signed
 * and immutable, its photos included; a later photo goes on a correction, like any other change
 * to a signed record. The server enforces the same rules.
 *
 * Order of an add: every check that can refuse runs before anything is written (so a refusal
 * leaves no trace), then the file is stored (content-addressed, atomic), then the metadata row,
 * the audit entry on the record and the outbox mutation go in one transaction. The file is
 * written first so a committed row never names a missing file; if the transaction fails, a
 * file this call created and nothing names is removed again.
 */
import { v7 as uuidv7 } from 'uuid';
import type { ApiHandlers } from '../../shared/api/contract';
import { fail, ok, type Result } from '../../shared/api/result';
import type { AttachmentAddSchema, AttachmentMeta } from '../../shared/schemas/sync';
import { MAX_ATTACHMENT_BYTES } from '../../shared/schemas/sync';
import type { AttachmentChanges } from '../../shared/sync/attachmentDoc';
import type { z } from 'zod';
import { toMeta, type AttachmentRow } from '../../db/repositories/attachments';
import { decodeBase64 } from '../attachments/decode';
import { attachmentOwnerProblem } from '../attachments/owner';
import { LocalFileStore, sha256Of } from '../attachments/fileStore';
import { matchesMimeType } from '../attachments/fileType';
import { downloadFile, DownloadError } from '../sync/filesDownload';
import {
  appendAudit,
  inTransaction,
  isFailure,
  requireProfile,
  type ServiceContext,
} from './context';

type AddInput = z.output<typeof AttachmentAddSchema>;

/** Where a missing file can come from: the central endpoint, when this device is enrolled. */
export type RemoteFiles = (sha256: string) => Promise<Buffer>;

export interface AttachmentContext extends ServiceContext {
  files: LocalFileStore;
  /** Null when this device cannot ask a server (not enrolled, revoked). */
  remote: () => RemoteFiles | null;
}

const fileError = (key: string, params?: Record<string, string | number>) =>
  fail('VALIDATION', key, params, { dataBase64: params ? { key, params } : { key } });

/** Refusals that need no write: the caller, the record, and the bytes themselves. */
function checkAdd(ctx: AttachmentContext, input: AddInput): Result<Buffer> {
  const actor = requireProfile(ctx);
  if (isFailure(actor)) return actor;
  const refused = attachmentOwnerProblem(ctx, input.ownerType, input.ownerId);
  if (refused) return refused;
  const bytes = decodeBase64(input.dataBase64);
  if (!bytes) return fileError('v.invalid');
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    return fileError('v.fileTooLarge', { max: MAX_ATTACHMENT_BYTES });
  }
  if (bytes.length === 0 || !matchesMimeType(bytes, input.mimeType)) return fileError('v.fileType');
  return ok(bytes);
}

export async function addAttachment(
  ctx: AttachmentContext,
  input: AddInput,
): Promise<Result<AttachmentMeta>> {
  const checked = checkAdd(ctx, input);
  if (!checked.ok) return checked;
  const bytes = checked.value;
  const sha256 = sha256Of(bytes);
  const wrote = ctx.files.write(sha256, bytes);
  let result: Result<AttachmentMeta> | undefined;
  try {
    result = inTransaction(ctx, () => {
      // Checked again under the write lock: the record may have been submitted meanwhile.
      const actor = requireProfile(ctx);
      if (isFailure(actor)) return actor;
      const refused = attachmentOwnerProblem(ctx, input.ownerType, input.ownerId);
      if (refused) return refused;
      const at = ctx.now().toISOString();
      const row: AttachmentRow = {
        id: uuidv7(),
        ownerType: input.ownerType,
        ownerId: input.ownerId,
        sha256,
        fileName: input.fileName,
        mimeType: input.mimeType,
        size: bytes.length,
        createdAt: at,
        createdBy: actor.id,
        origin: 'local',
        uploaded: false,
      };
      ctx.store.attachments.insert(row);
      const summary = { fileName: row.fileName, mimeType: row.mimeType, size: row.size, sha256 };
      appendAudit(
        ctx,
        actor,
        input.ownerType,
        input.ownerId,
        'update',
        [{ path: `attachments.${row.id}`, old: null, new: summary }],
        at,
      );
      const changes: AttachmentChanges = {
        ownerType: row.ownerType,
        ownerId: row.ownerId,
        sha256,
        fileName: row.fileName,
        mimeType: input.mimeType,
        size: row.size,
        createdAt: at,
      };
      ctx.store.outbox.append({ entity: 'attachment', entityId: row.id, op: 'create', changes });
      return ok(toMeta(row));
    });
    return result;
  } finally {
    if (wrote && !result?.ok && ctx.store.attachments.bySha256(sha256).length === 0) {
      ctx.files.remove(sha256);
    }
  }
}

export function listAttachments(
  ctx: AttachmentContext,
  ownerType: string,
  ownerId: string,
): Result<AttachmentMeta[]> {
  return ok(ctx.store.attachments.list(ownerType, ownerId).map(toMeta));
}

/**
 * The bytes of a file this device knows of. A device that pulled the metadata but not the
 * bytes (a supervisor's) fetches them from the server, checks the hash and keeps them.
 */
export async function readAttachment(
  ctx: AttachmentContext,
  sha256: string,
): Promise<Result<{ mimeType: string; dataBase64: string }>> {
  const rows = ctx.store.attachments.bySha256(sha256);
  const first = rows[0];
  if (!first) return fail('NOT_FOUND', 'e.notFound');
  const answer = (bytes: Buffer) =>
    ok({ mimeType: first.mimeType, dataBase64: bytes.toString('base64') });
  const local = ctx.files.read(sha256);
  if (local) return answer(local);
  const remote = ctx.remote();
  if (!remote) return fail('NOT_FOUND', 'e.fileNotDownloaded');
  try {
    const bytes = await remote(sha256);
    ctx.files.write(sha256, bytes);
    return answer(bytes);
  } catch (err) {
    if (err instanceof DownloadError) return fail('NOT_FOUND', 'e.fileNotDownloaded');
    throw err;
  }
}

/** The server this device is enrolled with, unless it was revoked. */
function enrolledRemote(ctx: HandlerContext): RemoteFiles | null {
  const enrollment = ctx.store.syncState.get('enrollment');
  if (!enrollment || ctx.store.syncState.get('revoked')) return null;
  // The sync engine's fetch when it has one (tests inject faults there), else the global one.
  const f = ctx.sync?.fetch ?? ((url: string, init: RequestInit) => fetch(url, init));
  return (sha256) =>
    downloadFile({ fetch: f, baseUrl: enrollment.serverUrl, token: enrollment.token, sha256 });
}

/** The services' context, and the sync engine when the core has one. */
type HandlerContext = ServiceContext & {
  sync?: { readonly fetch?: ((url: string, init: RequestInit) => Promise<Response>) | undefined };
};

type AttachmentHandlers = Pick<
  ApiHandlers,
  'attachments.add' | 'attachments.list' | 'attachments.read'
>;

export function createAttachmentHandlers(
  ctx: HandlerContext,
  over: Partial<Pick<AttachmentContext, 'remote'>> = {},
): AttachmentHandlers {
  const actx: AttachmentContext = {
    ...ctx,
    files: new LocalFileStore(ctx.store.dataDir),
    remote: over.remote ?? (() => enrolledRemote(ctx)),
  };
  return {
    'attachments.add': (input) => addAttachment(actx, input),
    'attachments.list': ({ ownerType, ownerId }) => listAttachments(actx, ownerType, ownerId),
    'attachments.read': ({ sha256 }) => readAttachment(actx, sha256),
  };
}
