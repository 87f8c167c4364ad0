/**
 * The API, defined once: every method's name, input schema and result type. The core
 * implements it; the Electron preload and the browser-shell client carry it; the renderer
 * calls it without knowing which transport is underneath.
 */
import { z } from 'zod';
import type { Result } from './result';
import { method, noInput } from './method';
import { CASE_API } from './caseContract';
import { DOCUMENT_API } from './documentContract';
import { NUMBER_API } from './numberContract';
import {
  EnterpriseInputSchema,
  EnterpriseUpdateSchema,
  type Enterprise,
} from '../schemas/enterprise';
import {
  SpotCheckCreateSchema,
  SpotCheckRefSchema,
  SpotCheckSaveDraftSchema,
  SpotCheckSubmitSchema,
  type SpotCheckRecord,
} from '../schemas/spotCheck';
import {
  EnterpriseListQuerySchema,
  SpotCheckListQuerySchema,
  type EnterpriseSummary,
  type Page,
  type SpotCheckSummary,
} from '../schemas/lists';
import { ProfileInputSchema, type Profile } from '../schemas/profile';
import { AuditQuerySchema, type AuditEntry } from '../schemas/audit';
import { uuid } from '../schemas/fields';
import {
  ATTACHMENT_OWNER_TYPES,
  AttachmentAddSchema,
  ConflictResolveSchema,
  SyncEnrollSchema,
  SyncLoginSchema,
  type AttachmentMeta,
  type FieldConflictItem,
  type QuarantinedChange,
  type SyncStatus,
} from '../schemas/sync';

export interface AppInfo {
  version: string;
  shell: 'electron' | 'browser';
  dataDir: string;
  schemaVersion: number;
}

export interface CatalogCategory {
  code: string;
  zh: string;
  en: string;
  products: { code: string; zh: string; en: string; standard: string }[];
}

export interface SpotCheckWithHistory {
  record: SpotCheckRecord;
  /** Every version of this record, oldest first (ids and statuses only). */
  versions: { id: string; version: number; status: SpotCheckRecord['status'] }[];
}

export const API = {
  'app.info': method<AppInfo>()(noInput),
  'profile.get': method<Profile | null>()(noInput),
  'profile.setup': method<Profile>()(ProfileInputSchema),
  'catalog.categories': method<CatalogCategory[]>()(noInput),
  'enterprise.create': method<Enterprise>()(EnterpriseInputSchema),
  'enterprise.update': method<Enterprise>()(EnterpriseUpdateSchema),
  'enterprise.get': method<Enterprise>()(z.strictObject({ id: uuid })),
  'enterprise.list': method<Page<EnterpriseSummary>>()(EnterpriseListQuerySchema),
  'spotCheck.create': method<SpotCheckRecord>()(SpotCheckCreateSchema),
  'spotCheck.saveDraft': method<SpotCheckRecord>()(SpotCheckSaveDraftSchema),
  'spotCheck.get': method<SpotCheckWithHistory>()(SpotCheckRefSchema),
  'spotCheck.list': method<Page<SpotCheckSummary>>()(SpotCheckListQuerySchema),
  'spotCheck.submit': method<SpotCheckRecord>()(SpotCheckSubmitSchema),
  'spotCheck.createCorrection': method<SpotCheckRecord>()(SpotCheckRefSchema),
  'audit.list': method<AuditEntry[]>()(AuditQuerySchema),
  'sync.status': method<SyncStatus>()(noInput),
  'sync.enroll': method<SyncStatus>()(SyncEnrollSchema),
  'sync.login': method<SyncStatus>()(SyncLoginSchema),
  'sync.logout': method<SyncStatus>()(noInput),
  /** Starts a round now (or joins the one running) and answers at once. */
  'sync.now': method<SyncStatus>()(noInput),
  'sync.quarantine': method<QuarantinedChange[]>()(noInput),
  'conflicts.list': method<FieldConflictItem[]>()(z.strictObject({ entityId: uuid.optional() })),
  'conflicts.resolve': method<FieldConflictItem[]>()(ConflictResolveSchema),
  'attachments.add': method<AttachmentMeta>()(AttachmentAddSchema),
  'attachments.list': method<AttachmentMeta[]>()(
    z.strictObject({ ownerType: z.enum(ATTACHMENT_OWNER_TYPES), ownerId: uuid }),
  ),
  'attachments.read': method<{ mimeType: string; dataBase64: string }>()(
    z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'v.id' }) }),
  ),
  ...CASE_API,
  ...DOCUMENT_API,
  ...NUMBER_API,
} as const;

export type ApiMethod = keyof typeof API;
export const API_METHODS = Object.keys(API) as ApiMethod[];

export type ApiInput<M extends ApiMethod> = z.input<(typeof API)[M]['input']>;
export type ApiParsedInput<M extends ApiMethod> = z.output<(typeof API)[M]['input']>;
export type ApiOutput<M extends ApiMethod> = Exclude<(typeof API)[M]['output'], undefined>;

/** What the renderer sees as `window.fieldcheck`, whichever shell carries it. */
export type FieldcheckApi = {
  [M in ApiMethod]: (input: ApiInput<M>) => Promise<Result<ApiOutput<M>>>;
};

/** The core's side: handlers receive input already parsed by the method's schema. */
export type ApiHandlers = {
  [M in ApiMethod]: (
    input: ApiParsedInput<M>,
  ) => Result<ApiOutput<M>> | Promise<Result<ApiOutput<M>>>;
};

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(API, name);
}

/** The HTTP route of a method in the browser shell (and later the server). */
export const apiPath = (m: ApiMethod) => `/api/${m}`;
