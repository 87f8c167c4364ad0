import type { Migration } from './types';
import { m001Init } from './001_init';
import { m002Sync } from './002_sync';
import { m003Attachments } from './003_attachments';
import { m004Cases } from './004_cases';
import { m005AuditChain } from './005_audit_chain';
import { m006PrintLog } from './006_print_log';
import { m007NumbersAndCaseAttachments } from './007_numbers_and_case_attachments';
import { m008QuarantineResolved } from './008_quarantine_resolved';
import { m009QuarantineLocked } from './009_quarantine_locked';

/** Every migration this build knows, in order. Append only; never edit a shipped one. */
export const MIGRATIONS: readonly Migration[] = [
  m001Init,
  m002Sync,
  m003Attachments,
  m004Cases,
  m005AuditChain,
  m006PrintLog,
  m007NumbersAndCaseAttachments,
  m008QuarantineResolved,
  m009QuarantineLocked,
];

export type { Migration } from './types';
