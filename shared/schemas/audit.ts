import { z } from 'zod';
import { uuid } from './fields';

export const AUDIT_ENTITY_TYPES = ['enterprise', 'spotCheck', 'profile', 'case', 'review'] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

export interface FieldChange {
  /** Dotted path into the entity, e.g. `sample.batchNumber` or `samplers.1.name`. */
  path: string;
  old: unknown;
  new: unknown;
}

export interface AuditEntry {
  id: string;
  entityType: AuditEntityType;
  entityId: string;
  action:
    'create' | 'update' | 'submit' | 'correct' | 'transition' | 'request' | 'approve' | 'return';
  actorId: string;
  actorName: string;
  at: string;
  changes: FieldChange[];
}

export const AuditQuerySchema = z.strictObject({
  entityType: z.enum(AUDIT_ENTITY_TYPES, { error: 'v.enum' }),
  entityId: uuid,
});
